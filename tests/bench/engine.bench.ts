/**
 * Engine benchmark (`npm run bench`): prints medians, asserts nothing.
 * Targets (2-core machine): full district ≤ 20 ms and ≤ 0.5 × JSON.parse of its
 * own assignments payload; 100,000 grassroots unions ≤ 2 s; rank robustness
 * (1,000 draws, ±25 %) on the district ≤ 1 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { startServer } from '../../server/serve';
import { generateDistrict, mockDistrict, type MockDistrict } from '../../mocks/data/district';
import { assignmentsSchema, orgsSchema, type Assignment } from '../../src/api/schemas';
import { validateDataset } from '../../src/api/validate';
import { computeDemands, computeIndex, prepareDataset, prepareDemands, rankRobustness } from '../../src/engine';
import { prepareYear } from '../../src/data/prepareYear';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function time<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value = fn(); // warm-up
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    value = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), value };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

function benchDistrict(label: string, d: MockDistrict, asOf: string, runs: number) {
  const payload = JSON.stringify(d.assignments);
  console.log(
    `\n${label}: ${d.orgs.length.toLocaleString('en')} orgs, ${d.assignments.length.toLocaleString('en')} assignments, payload ${(payload.length / 1e6).toFixed(1)} MB`,
  );
  const parse = time(runs, () => JSON.parse(payload) as unknown);
  const shape = time(runs, () => assignmentsSchema.parse(parse.value));
  const engine = benchEngine(d, shape.value, asOf, runs);
  console.log(`  JSON.parse of assignments (reference)       ${fmt(parse.ms)}`);
  console.log(`  zod shape check of assignments              ${fmt(shape.ms)}`);
  printEngine(engine, asOf, parse.ms);
  return { parse: parse.ms, ...engine };
}

/**
 * Validation, indexing and the as-of computation, on one copy of the data (as the app holds it). The figure that
 * counts is the app's: `prepareYear` (validation and indexing in one pass over the records) then `computeIndex`.
 * validateDataset and prepareDataset alone are timed after it, for reference (what each half costs on its own).
 */
function benchEngine(d: MockDistrict, assignments: Assignment[], asOf: string, runs: number) {
  const orgs = orgsSchema.parse(d.orgs);
  const year = time(runs, () => prepareYear(d.meta, d.methodology, orgs, assignments));
  const computed = time(runs, () => computeIndex(year.value.ds, asOf));
  const valid = time(runs, () => validateDataset(d.meta, d.methodology, orgs, assignments));
  const prepared = time(runs, () => prepareDataset(valid.value.methodology, d.meta.tiers, valid.value.orgs, valid.value.assignments));
  return { validate: valid.ms, prepare: prepared.ms, validatePrepare: year.ms, compute: computed.ms, full: year.ms + computed.ms };
}

function printEngine(e: ReturnType<typeof benchEngine>, asOf: string, parseMs?: number) {
  const ratio = (ms: number) => (parseMs ? `   = ${(ms / parseMs).toFixed(2)} × JSON.parse` : '');
  console.log(`  record validation alone (validateDataset)   ${fmt(e.validate)}`);
  console.log(`  prepare alone (prepareDataset of those)     ${fmt(e.prepare)}`);
  console.log(`  validate + prepare in one pass (prepareYear) ${fmt(e.validatePrepare)}`);
  console.log(`  compute at ${asOf} (every org, tally, rank) ${fmt(e.compute)}${ratio(e.compute)}`);
  console.log(`  validate + prepare + compute (prepareYear + computeIndex) ${fmt(e.full)}${ratio(e.full)}`);
}

console.log(`Node ${process.version}; medians of repeated runs after a warm-up.`);
const district = benchDistrict('Mock Fuyang 2025', mockDistrict(2025), '2025-06-30', 25);

// rank robustness (issue 12) and demands (§12) on the district
const fuyang = mockDistrict(2025);
const fuyangValid = validateDataset(fuyang.meta, fuyang.methodology, orgsSchema.parse(fuyang.orgs), fuyang.assignments);
const fuyangDs = prepareDataset(fuyangValid.methodology, fuyang.meta.tiers, fuyangValid.orgs, fuyangValid.assignments);
const fuyangResult = computeIndex(fuyangDs, fuyang.meta.asOf);
const robustness = time(5, () => rankRobustness(fuyangDs, fuyangResult, { draws: 1000, spread: 0.25, seed: 1 }));
console.log(`  rank robustness, 1,000 draws at ±25 %       ${fmt(robustness.ms)}`);
const demandConfig = fuyang.methodology.demands!;
const preparedDemands = time(25, () => prepareDemands(fuyangDs, demandConfig, fuyang.demands));
const demandsAt = time(25, () => computeDemands(fuyangDs, preparedDemands.value, fuyang.meta.asOf));
console.log(`  demands: prepare ${fuyang.demands.length.toLocaleString('en')} records            ${fmt(preparedDemands.ms)}`);
console.log(`  demands at ${fuyang.meta.asOf} (states, tallies, medians) ${fmt(demandsAt.ms)}`);

const t0 = performance.now();
const province = generateDistrict(2025, 100_000);
console.log(
  `\nProvince scale: ${province.orgs.length.toLocaleString('en')} orgs (100,000 grassroots), ${province.assignments.length.toLocaleString('en')} assignments (generated in ${fmt(performance.now() - t0)})`,
);
const big = benchEngine(province, province.assignments, '2025-06-30', 5);
printEngine(big, '2025-06-30');

// the phone's first screen at province scale: the server's summary (issue 9), over HTTP as a phone would ask it.
// The server prepares each snapshot's default summaries in a worker thread as it loads; meanwhile it must keep
// answering (a loop of /api/v1/meta requests measures the event loop's worst stall), and a summary asked for
// before it is ready waits for the worker.
const provinceMeta = { ...province.meta, years: [2025], defaultYear: 2025, asOf: '2025-06-30' };
const root = province.orgs.find((o) => o.parentId === null)!;
const tier1 = province.orgs.filter((o) => o.parentId === root.id);
// a scoped session: the tier-1 organisation with the most grassroots unions under it (the largest scope a leader below the root has)
const grassrootsUnder = new Map<string, number>();
{
  const parentOf = new Map(province.orgs.map((o) => [o.id, o.parentId]));
  for (const o of province.orgs) {
    let up = o.parentId;
    while (up !== null && parentOf.get(up) !== root.id && up !== root.id) up = parentOf.get(up) ?? null;
    if (up !== null && up !== root.id) grassrootsUnder.set(up, (grassrootsUnder.get(up) ?? 0) + 1);
  }
}
const [scopeOrg, coldOrg] = [...tier1].sort((a, b) => (grassrootsUnder.get(b.id) ?? 0) - (grassrootsUnder.get(a.id) ?? 0));
let compactedMs = 0;
const tStart = performance.now();
const running = await startServer({
  distDir: mkdtempSync(join(tmpdir(), 'jj-bench-dist-')),
  data: {
    meta: provinceMeta,
    years: { 2025: { methodology: province.methodology, orgs: province.orgs, assignments: province.assignments } },
    // the server prepares the first session scope's default summary at load (prepareScopes: 1); `cold` is a scope it
    // computes on request, as it would for a scope beyond prepareScopes or after eviction
    users: { tokens: { all: {}, scoped: { orgId: scopeOrg.id }, cold: { orgId: coldOrg.id } } },
  },
  // the bench measures how long preparation takes: let the early request wait for it whatever it takes
  summaries: { waitMs: 600_000, prepareScopes: 1 },
  // the worker tells when a year's parsed records are swapped for their bytes (steady state: the timed requests come after)
  log: (e) => {
    if (e.event === 'summary_records_compacted' && compactedMs === 0) compactedMs = performance.now() - tStart;
  },
});
const listeningMs = performance.now() - tStart;
const timedGet = async (path: string, token = 'all') => {
  const t = performance.now();
  const res = await fetch(`${running.url}${path}`, { headers: { 'Accept-Encoding': 'identity', Authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - t, status: res.status, body };
};
let readyMs = 0;
const prepared = running.summariesPrepared().then(() => (readyMs = performance.now() - tStart));
// a phone asking at once: its request waits for the worker
const early = timedGet('/api/v1/summary?year=2025');
const metaDuring: number[] = [];
while (readyMs === 0) {
  metaDuring.push((await timedGet('/api/v1/meta')).ms);
  await new Promise((ok) => setTimeout(ok, 5));
}
await prepared;
const earlySummary = await early;
for (const until = performance.now() + 120_000; compactedMs === 0 && performance.now() < until;)
  await new Promise((ok) => setTimeout(ok, 20));
const firstReady = await timedGet('/api/v1/summary?year=2025');
const monthEnd = await timedGet('/api/v1/summary?year=2025&asOf=2025-05-31');
const midMonth = await timedGet('/api/v1/summary?year=2025&asOf=2025-06-15');
const scoped = await timedGet('/api/v1/summary?year=2025', 'scoped');
const scopedAgain = await timedGet('/api/v1/summary?year=2025&asOf=2025-06-15', 'scoped');
const cold = await timedGet('/api/v1/summary?year=2025', 'cold');
const metaAfter = await timedGet('/api/v1/meta');
// the whole process: the main thread's snapshot (parsed records and served bytes) and the worker's prepared year
const rssMb = process.memoryUsage().rss / 1024 / 1024;
const firstScreen = Buffer.concat([firstReady.body, metaAfter.body, Buffer.from(JSON.stringify({ apiBaseUrl: '/api', mocks: false }))]);
const firstScreenBr = brotliCompressSync(firstScreen, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const firstScreenGz = gzipSync(firstScreen, { level: 6 }).length;
running.server.closeAllConnections();
await new Promise((ok) => running.server.close(ok));
const worstStall = Math.max(...metaDuring);
const status = (r: { status: number }) => (r.status === 200 ? '' : ` (HTTP ${r.status})`);
console.log(`  server start → listening (snapshot: serialize + hash the payloads, main thread) ${fmt(listeningMs)}`);
console.log(
  `  server start → default summaries prepared (worker: parse, validate, prepare, compute, trend; unscoped, then ${scopeOrg.id}) ${fmt(readyMs)}`,
);
console.log(`  server start → records compacted (worker, in steps while idle: assignments kept as bytes) ${fmt(compactedMs)}`);
console.log(`  a summary asked for at start: answered after ${fmt(earlySummary.ms)}${status(earlySummary)}`);
console.log(
  `  /api/v1/meta during preparation: ${metaDuring.length} requests, median ${fmt(median(metaDuring))}, worst ${fmt(worstStall)} (event loop's worst stall)`,
);
console.log(`  first summary request once prepared          ${fmt(firstReady.ms)}${status(firstReady)}`);
console.log(`  summary at another date, month end (2025-05-31) ${fmt(monthEnd.ms)}${status(monthEnd)}`);
console.log(`  summary at another date, mid-month (2025-06-15) ${fmt(midMonth.ms)}${status(midMonth)}`);
console.log(
  `  scoped session (${scopeOrg.id}, ${(grassrootsUnder.get(scopeOrg.id) ?? 0).toLocaleString('en')} orgs below, prepared at load): first summary ${fmt(scoped.ms)}${status(scoped)}, then another date ${fmt(scopedAgain.ms)}${status(scopedAgain)}`,
);
console.log(
  `  scope not prepared at load (${coldOrg.id}, ${(grassrootsUnder.get(coldOrg.id) ?? 0).toLocaleString('en')} orgs below): first summary ${fmt(cold.ms)}${status(cold)}`,
);
console.log(
  `  process memory (RSS, this bench process: also holds the generated mock) with the province loaded and prepared: ${rssMb.toFixed(0)} MB`,
);
console.log(
  `  first-screen payload (summary+meta+config): ${(firstScreen.length / 1024).toFixed(1)} KB raw, ${(firstScreenGz / 1024).toFixed(1)} KB gzip, ${(firstScreenBr / 1024).toFixed(1)} KB brotli`,
);

// a data dir's reload (a new snapshot written by the platform): the server must keep answering meanwhile. The
// province is written as serve:api's data dir, loaded at start, then meta.json changes and /api/v1/meta is asked in
// a loop until the reload is done: its worst latency is the event loop's worst stall during the reload.
const provinceDir = mkdtempSync(join(tmpdir(), 'jj-bench-province-'));
writeFileSync(join(provinceDir, 'methodology-2025.json'), JSON.stringify(province.methodology));
writeFileSync(join(provinceDir, 'orgs-2025.json'), JSON.stringify(province.orgs));
writeFileSync(join(provinceDir, 'assignments-2025.json'), JSON.stringify(province.assignments));
writeFileSync(join(provinceDir, 'meta.json'), JSON.stringify(provinceMeta));
let reloadedMs = 0;
let reloadStart = 0;
const tDirStart = performance.now();
const fromDir = await startServer({
  distDir: mkdtempSync(join(tmpdir(), 'jj-bench-dist-')),
  dataDir: provinceDir,
  watch: { pollMs: 100, debounceMs: 50, onReload: () => (reloadedMs = performance.now() - reloadStart) },
});
const dirListeningMs = performance.now() - tDirStart;
await fromDir.summariesPrepared();
const metaOf = async () => {
  const t = performance.now();
  const res = await fetch(`${fromDir.url}/api/v1/meta`, { headers: { 'Accept-Encoding': 'identity' } });
  const meta = (await res.json()) as { generatedAt: string };
  return { ms: performance.now() - t, generatedAt: meta.generatedAt };
};
const metaDuringReload: number[] = [];
reloadStart = performance.now();
writeFileSync(join(provinceDir, 'meta.json'), JSON.stringify({ ...provinceMeta, generatedAt: '2025-07-01T06:00:00+08:00' }));
while (reloadedMs === 0 && performance.now() - reloadStart < 120_000) {
  metaDuringReload.push((await metaOf()).ms);
  await new Promise((ok) => setTimeout(ok, 5));
}
const reloadedTo = (await metaOf()).generatedAt;
fromDir.store?.close();
fromDir.server.closeAllConnections();
await new Promise((ok) => fromDir.server.close(ok));
rmSync(provinceDir, { recursive: true, force: true });
const worstReloadStall = Math.max(...metaDuringReload);
console.log(`  data dir: server start → listening (read, parse, hash, index the files; main thread) ${fmt(dirListeningMs)}`);
console.log(
  `  data dir reload (meta.json changed → new snapshot, ${reloadedTo === '2025-07-01T06:00:00+08:00' ? 'swapped in' : 'NOT swapped in'}) ${fmt(reloadedMs)}; /api/v1/meta meanwhile: ${metaDuringReload.length} requests, median ${fmt(median(metaDuringReload))}, worst ${fmt(worstReloadStall)}`,
);

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log('\nTargets:');
console.log(`  district compute ≤ 20 ms:                    ${fmt(district.compute)}  ${verdict(district.compute <= 20)}`);
console.log(
  `  district compute ≤ 0.5 × JSON.parse:         ${(district.compute / district.parse).toFixed(2)} ×  ${verdict(district.compute <= 0.5 * district.parse)}`,
);
console.log(`  100,000 unions compute ≤ 2 s:                ${fmt(big.compute)}  ${verdict(big.compute <= 2000)}`);
console.log(`  100,000 unions validate+prepare+compute ≤ 2 s: ${fmt(big.full)}  ${verdict(big.full <= 2000)}`);
console.log(`  district rank robustness (1,000 draws) ≤ 1 s: ${fmt(robustness.ms)}  ${verdict(robustness.ms <= 1000)}`);
console.log(`  100,000 unions default summary request (prepared at load) ≤ 1 s: ${fmt(firstReady.ms)}  ${verdict(firstReady.ms <= 1000)}`);
console.log(`  100,000 unions summary at another date (month end) ≤ 1 s: ${fmt(monthEnd.ms)}  ${verdict(monthEnd.ms <= 1000)}`);
console.log(`  100,000 unions summary at another date (mid-month) ≤ 1 s: ${fmt(midMonth.ms)}  ${verdict(midMonth.ms <= 1000)}`);
console.log(`  100,000 unions scoped summary (first, scope prepared at load) ≤ 1 s: ${fmt(scoped.ms)}  ${verdict(scoped.ms <= 1000)}`);
console.log(`  100,000 unions scoped summary (first, scope not prepared) ≤ 1 s: ${fmt(cold.ms)}  ${verdict(cold.ms <= 1000)}`);
console.log(`  server answers during preparation (worst /meta) ≤ 1 s: ${fmt(worstStall)}  ${verdict(worstStall <= 1000)}`);
console.log(`  server answers during a data reload (worst /meta) ≤ 1 s: ${fmt(worstReloadStall)}  ${verdict(worstReloadStall <= 1000)}`);
console.log(
  `  phone first-screen payload ≤ 100 KB compressed: ${(firstScreenGz / 1024).toFixed(1)} KB gzip  ${verdict(firstScreenGz <= 100 * 1024)}`,
);
