/**
 * Rank robustness as view data (issue 12): each organisation's 5th–95th
 * percentile rank in its tier when the category weights are perturbed (1,000
 * seeded draws of ±25 %, engine/robustness.ts). Computed in a Web Worker; where
 * there is no Worker (tests, jsdom) in-process, after the view has painted.
 * Cached per official result, so every screen asking shares one run.
 */
import { useEffect, useState } from 'react';
import { rankRobustness, type IndexResult, type PreparedDataset, type RankRobustness, type RobustnessOptions } from '../engine';
import type { Dashboard } from './dashboard';
import type { RobustnessReply, RobustnessRequest } from './robustness.worker';

/** The settings of every interval shown: issue 12's 1,000 draws of ±25 %, seed 1. */
export const ROBUSTNESS_OPTIONS: Required<RobustnessOptions> = { draws: 1000, spread: 0.25, seed: 1 };

export interface RankInterval {
  nominal: number;
  p5: number;
  p95: number;
}

/** Intervals by organisation id (organisations with a rank only). */
export class RankIntervals {
  constructor(
    private readonly ds: PreparedDataset,
    readonly robustness: RankRobustness,
  ) {}

  of(id: string): RankInterval | undefined {
    const u = this.ds.orgIndex.get(id);
    if (u === undefined || this.robustness.nominal[u] === 0) return undefined;
    return { nominal: this.robustness.nominal[u], p5: this.robustness.p5[u], p95: this.robustness.p95[u] };
  }
}

/** "3–7", or the rank alone when the interval is one rank wide. */
export const rangeLabel = (r: RankInterval): string => (r.p5 === r.p95 ? String(r.p5) : `${r.p5}–${r.p95}`);

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: RankRobustness) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./robustness.worker.ts', import.meta.url), { type: 'module', name: 'rank-robustness' });
    worker.onmessage = (event: MessageEvent<RobustnessReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.robustness);
    };
    worker.onerror = (event) => {
      for (const p of pending.values()) p.reject(new Error(event.message || 'robustness worker failed'));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/** rankRobustness in the Web Worker, or in-process (on a later task) where there is none. */
export function rankRobustnessAsync(
  ds: PreparedDataset,
  result: IndexResult,
  options: RobustnessOptions = ROBUSTNESS_OPTIONS,
): Promise<RankRobustness> {
  if (typeof Worker === 'undefined') {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(rankRobustness(ds, result, options));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }, 0),
    );
  }
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    // the dataset and result are copied (structured clone): the page keeps using its own
    getWorker().postMessage({ id, ds, result, options } satisfies RobustnessRequest);
  });
}

const cache = new WeakMap<IndexResult, Promise<RankIntervals>>();

/** The intervals of the dashboard's official result at its date (one run per result, shared by every screen). */
export function rankIntervalsFor(d: Dashboard): Promise<RankIntervals> {
  let p = cache.get(d.result);
  if (!p) {
    p = rankRobustnessAsync(d.ds, d.result).then((r) => new RankIntervals(d.ds, r));
    // a failed run is not cached: the next screen tries again
    p.catch(() => cache.delete(d.result));
    cache.set(d.result, p);
  }
  return p;
}

/** The intervals, or undefined while they compute (or when the run failed: the ranks stand without them). */
export function useRankIntervals(d: Dashboard): RankIntervals | undefined {
  const [state, setState] = useState<{ result: IndexResult; intervals: RankIntervals }>();
  const { result } = d;
  useEffect(() => {
    let live = true;
    rankIntervalsFor(d).then(
      (intervals) => live && setState({ result, intervals }),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the result: d changes identity on every refetch tick
  }, [result]);
  return state && state.result === result ? state.intervals : undefined;
}
