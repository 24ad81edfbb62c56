/**
 * The page's scale for charts: the root font-size over its 14 px base. It is 1 on every screen up to 2,560 px and
 * grows with the width above that (styles.css: a wall display reads like the 1920 px view scaled). Charts multiply
 * their pixel sizes by it (options/scale.ts) so their type keeps pace with the page's.
 */
import { useSyncExternalStore } from 'react';

const BASE_FONT_PX = 14;

/** Where styles.css scales the root type (and nowhere else: a test DOM's 16 px default root is no scale). */
const WALL_DISPLAY = '(min-width: 2561px)';

/** One query list for the page, made on first read: every chart card reads the scale on every render. */
let wallDisplay: MediaQueryList | undefined;

function readScale(): number {
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function' || typeof matchMedia !== 'function') return 1;
  wallDisplay ??= matchMedia(WALL_DISPLAY);
  if (!wallDisplay.matches) return 1;
  const px = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  // two decimals: a window dragged a pixel wider does not redraw every chart
  return Number.isFinite(px) && px > 0 ? Math.round((px / BASE_FONT_PX) * 100) / 100 : 1;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

export function useChartScale(): number {
  return useSyncExternalStore(subscribe, readScale, () => 1);
}
