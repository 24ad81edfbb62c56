/// <reference lib="webworker" />
/**
 * Rank robustness off the main thread (issue 12): 1,000 seeded draws over the
 * district take a few hundred milliseconds, which would freeze the page.
 */
import { rankRobustness, type IndexResult, type PreparedDataset, type RankRobustness, type RobustnessOptions } from '../engine';

export interface RobustnessRequest {
  id: number;
  ds: PreparedDataset;
  result: IndexResult;
  options: RobustnessOptions;
}

export type RobustnessReply = { id: number; robustness: RankRobustness } | { id: number; error: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<RobustnessRequest>) => {
  const { id, ds, result, options } = event.data;
  try {
    const robustness = rankRobustness(ds, result, options);
    self.postMessage({ id, robustness } satisfies RobustnessReply, [
      robustness.nominal.buffer,
      robustness.p5.buffer,
      robustness.p95.buffer,
    ]);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RobustnessReply);
  }
};
