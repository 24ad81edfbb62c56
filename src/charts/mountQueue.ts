/**
 * Charts initialise one per task: six ECharts instances created in one commit
 * block the main thread for ~170 ms; one per macrotask keeps each task short,
 * so the page stays responsive while the first screen paints.
 */
const queue: (() => void)[] = [];
let scheduled = false;

function drain() {
  scheduled = false;
  const next = queue.shift();
  next?.();
  if (queue.length) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(drain, 0);
}

/** Run `mount` in its own task, after the charts queued before it; returns a cancel function. */
export function queueMount(mount: () => void): () => void {
  let cancelled = false;
  const job = () => !cancelled && mount();
  queue.push(job);
  schedule();
  return () => {
    cancelled = true;
    const k = queue.indexOf(job);
    if (k >= 0) queue.splice(k, 1);
  };
}
