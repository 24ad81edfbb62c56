// Starts a TypeScript worker module (workerData.entry) in a worker thread. The server runs under tsx
// (`npm run serve:api`) or vitest, and neither's loader reaches worker threads on Node 20 (a worker inherits
// tsx's --import but still cannot load .ts): register tsx's ESM hooks here, in the worker, then import the entry.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
