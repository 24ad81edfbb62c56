/**
 * The data loader's thread (started by data.ts for each reload of a data dir): reads, checks, hashes and indexes
 * the assignments and demands files — seconds of CPU for a province — and hands back the bytes (shared memory:
 * no copy), their hash and each record's range and owner. Then it exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DataError, loadRecordFile, type LoadedRecordFile } from './data';

const { dir, files } = workerData as { dir: string; files: string[] };
const out: LoadedRecordFile[] = [];
const transfer: ArrayBuffer[] = [];
for (const file of files) {
  try {
    const r = loadRecordFile(dir, file);
    const index = r.index.parts();
    out.push({ file, ok: true, body: r.body, hash: r.hash, index });
    transfer.push(index.ranges.buffer as ArrayBuffer, index.owner.buffer as ArrayBuffer);
  } catch (e) {
    out.push({ file, ok: false, reason: e instanceof DataError ? e.reason : String(e) });
  }
}
parentPort!.postMessage(out, transfer);
