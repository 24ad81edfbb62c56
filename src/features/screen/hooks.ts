/**
 * The screen's timers and listeners. Each one is registered once per mount
 * (or per change of its inputs) and removed in its cleanup, so a wall that
 * runs for days never accumulates timers or listeners.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Design size: the layout is drawn at 1920×1080 and scaled by `u`. */
export const DESIGN_W = 1920;
export const DESIGN_H = 1080;

/** CSS pixels per design pixel: the largest 16:9 box that fits the window (letterboxed otherwise). */
export function screenUnit(width: number, height: number): number {
  return Math.min(width / DESIGN_W, height / DESIGN_H);
}

export function useScreenUnit(): number {
  const [u, setU] = useState(() => screenUnit(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setU(screenUnit(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return u;
}

/** The current time, ticking on the second. */
export function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      setNow(new Date());
      // aligned to the next whole second so the clock never skips one
      timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
    };
    timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
    return () => clearTimeout(timer);
  }, []);
  return now;
}

export interface Cycle {
  /** The focused item. */
  id: string | undefined;
  position: number;
  /** Paused by the operator (Space or the button) until resumed. */
  paused: boolean;
  /** Held while someone points, touches or types; released after `idleMs` without activity. */
  held: boolean;
  step: (by: number) => void;
  togglePause: () => void;
}

/**
 * Cycles through `ids` every `cycleMs` (0 = never). Any pointer, touch, wheel
 * or key activity holds the cycle; it resumes `idleMs` after the last one.
 * ←/→ step, Space pauses (unless a button has focus: Space is its click).
 * Focus follows the id, so a refresh that reorders the list keeps the item.
 */
export function useCycle(ids: readonly string[], cycleMs: number, idleMs: number): Cycle {
  const [chosen, setChosen] = useState<string>();
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState(false);
  const found = chosen === undefined ? -1 : ids.indexOf(chosen);
  const position = found >= 0 ? found : 0;
  const id = ids[position];

  const step = useCallback(
    (by: number) => {
      if (!ids.length) return;
      setChosen(ids[(((position + by) % ids.length) + ids.length) % ids.length]);
    },
    [ids, position],
  );
  const togglePause = useCallback(() => setPaused((p) => !p), []);

  // activity holds the cycle until idle
  useEffect(() => {
    let idle = 0;
    const onActivity = () => {
      setHeld(true);
      clearTimeout(idle);
      idle = window.setTimeout(() => setHeld(false), idleMs);
    };
    const events = ['pointermove', 'pointerdown', 'touchstart', 'wheel', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      clearTimeout(idle);
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, [idleMs]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // events sent to the window itself have no element to look inside
      const target = e.target instanceof Element ? e.target : null;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        if (target?.closest('input, select, textarea')) return;
        e.preventDefault();
        step(e.key === 'ArrowRight' ? 1 : -1);
      } else if (e.key === ' ' && !target?.closest('button, a, input, select, textarea, summary')) {
        e.preventDefault();
        togglePause();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, togglePause]);

  // the next step, rescheduled when the focus, the pause or the hold changes — not when a
  // refresh brings a new list with the same focus (data every minute must not stall a 90 s cycle)
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
  }, [step]);
  useEffect(() => {
    if (cycleMs <= 0 || paused || held || ids.length < 2) return;
    const timer = window.setTimeout(() => stepRef.current(1), cycleMs);
    return () => clearTimeout(timer);
  }, [cycleMs, paused, held, ids.length, id]);

  return { id, position, paused, held, step, togglePause };
}

/** The Fullscreen API, with the state kept in sync when the browser leaves full screen (Esc). */
export function useFullscreen(): { supported: boolean; active: boolean; toggle: () => void } {
  const [active, setActive] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const onChange = () => setActive(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  return { supported: Boolean(document.fullscreenEnabled), active, toggle };
}
