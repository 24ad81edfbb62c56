/**
 * Charts a page draws on its own (not in answer to a click) initialise one per task: six ECharts instances created
 * in one commit block the main thread for a few hundred ms on a first load; one per macrotask keeps each task
 * short, so the page stays responsive while the first screen paints. A job waits for what it needs (the charting
 * code, loaded on demand) before its task: otherwise every chart waiting for that code would be created in the
 * one task in which it arrives.
 */
interface Job {
  mount: () => void;
  ready: () => Promise<unknown>;
  cancelled: boolean;
}

const queue: Job[] = [];
let scheduled = false;
let waiting = false;

function drain() {
  scheduled = false;
  const next = queue.shift();
  if (!next) return;
  waiting = true;
  void next
    .ready()
    .catch(() => undefined) // the view's own Suspense reports a chunk that failed to load
    .then(() => {
      waiting = false;
      if (!next.cancelled) next.mount();
      if (queue.length) schedule();
    });
}

function schedule() {
  if (scheduled || waiting) return;
  scheduled = true;
  setTimeout(drain, 0);
}

/**
 * Run `mount` in its own task once `ready` has resolved, after the jobs queued before it; returns a cancel
 * function.
 */
export function queueMount(mount: () => void, ready: () => Promise<unknown> = () => Promise.resolve()): () => void {
  const job: Job = { mount, ready, cancelled: false };
  queue.push(job);
  schedule();
  return () => {
    job.cancelled = true;
    const k = queue.indexOf(job);
    if (k >= 0) queue.splice(k, 1);
  };
}
