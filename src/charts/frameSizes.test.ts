import { describe, expect, it } from 'vitest';
import { IN_VIEW_MIN_PX, showsInViewport } from './frameSizes';

const frame = (top: number, height: number) => new DOMRect(0, top, 300, height);

describe('showsInViewport', () => {
  const fold = window.innerHeight;
  it('a sliver of a chart at the fold is not in view; a frame with 48 px on screen is', () => {
    // the phone overview's ranking stood 9 px above the fold: drawing it cost the page load ~0.5 s of a slow CPU
    expect(showsInViewport(frame(fold - 9, 300))).toBe(false);
    expect(showsInViewport(frame(fold - IN_VIEW_MIN_PX, 300))).toBe(true);
    expect(showsInViewport(frame(-300 + 9, 300))).toBe(false);
    expect(showsInViewport(frame(-300 + IN_VIEW_MIN_PX, 300))).toBe(true);
  });
  it('a frame shorter than 48 px counts once all of it shows; nothing off screen or empty counts', () => {
    expect(showsInViewport(frame(fold - 30, 30))).toBe(true);
    expect(showsInViewport(frame(fold + 1, 300))).toBe(false);
    expect(showsInViewport(frame(10, 0))).toBe(false);
  });
});
