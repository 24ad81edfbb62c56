/**
 * The command-room screen's URL (`/screen`): what the operator sets once when
 * putting the dashboard on a wall. Never throws: a junk value falls back to
 * the default, so a mistyped kiosk URL still shows the district.
 */
import { parseGlobalSearch, type GlobalSearch } from './search';

/** Seconds between checks of `meta` (a new `generatedAt` brings the new data). */
export const SCREEN_REFRESH_DEFAULT_S = 60;
/** Seconds each group stays in the focus panel. */
export const SCREEN_CYCLE_DEFAULT_S = 15;
/** Checking faster than this only loads the backend; slower than a day is not "live". */
export const SCREEN_REFRESH_MIN_S = 2;
export const SCREEN_REFRESH_MAX_S = 86_400;
export const SCREEN_CYCLE_MAX_S = 3_600;
/** Seconds without pointer, touch or key activity before cycling resumes. */
export const SCREEN_IDLE_DEFAULT_S = 30;

export interface ScreenSearch extends GlobalSearch {
  /** Seconds between meta checks. */
  refresh?: number;
  /** Seconds per focused group; 0 turns cycling off. */
  cycle?: number;
  /** Seconds of no activity before cycling resumes. */
  idle?: number;
}

const seconds = (v: unknown, min: number, max: number): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
};

export function parseScreenSearch(raw: Record<string, unknown>): ScreenSearch {
  return {
    ...parseGlobalSearch(raw),
    refresh: seconds(raw.refresh, SCREEN_REFRESH_MIN_S, SCREEN_REFRESH_MAX_S),
    // 0 is "off"; fractions of a second are allowed (tests speed the cycle up)
    cycle: seconds(raw.cycle, 0, SCREEN_CYCLE_MAX_S),
    idle: seconds(raw.idle, 1, SCREEN_CYCLE_MAX_S),
  };
}

/** The effective timings, in milliseconds (cycle 0 = off). */
export function screenTimings(s: ScreenSearch): { refreshMs: number; cycleMs: number; idleMs: number } {
  return {
    refreshMs: (s.refresh ?? SCREEN_REFRESH_DEFAULT_S) * 1000,
    cycleMs: (s.cycle ?? SCREEN_CYCLE_DEFAULT_S) * 1000,
    idleMs: (s.idle ?? SCREEN_IDLE_DEFAULT_S) * 1000,
  };
}
