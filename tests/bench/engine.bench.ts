/**
 * Engine benchmark (`npm run bench`): prints medians, asserts nothing.
 * Targets (2-core machine): full district ≤ 20 ms and ≤ 0.5 × JSON.parse of its
 * own assignments payload; 100,000 grassroots unions ≤ 2 s.
 */
import { generateDistrict, mockDistrict, type MockDistrict } from '../../mocks/data/district';
import { assignmentsSchema, orgsSchema, type Assignment } from '../../src/api/schemas';
import { validateDataset } from '../../src/api/validate';
import { computeIndex, prepareDataset } from '../../src/engine';

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
  console.log(`\n${label}: ${d.orgs.length.toLocaleString('en')} orgs, ${d.assignments.length.toLocaleString('en')} assignments, payload ${(payload.length / 1e6).toFixed(1)} MB`);
  const parse = time(runs, () => JSON.parse(payload) as unknown);
  const shape = time(runs, () => assignmentsSchema.parse(parse.value));
  const engine = benchEngine(d, shape.value, asOf, runs);
  console.log(`  JSON.parse of assignments (reference)       ${fmt(parse.ms)}`);
  console.log(`  zod shape check of assignments              ${fmt(shape.ms)}`);
  printEngine(engine, asOf, parse.ms);
  return { parse: parse.ms, ...engine };
}

/** Validation, indexing and the as-of computation, on one copy of the data (as the app holds it). */
function benchEngine(d: MockDistrict, assignments: Assignment[], asOf: string, runs: number) {
  const orgs = orgsSchema.parse(d.orgs);
  const valid = time(runs, () => validateDataset(d.meta, d.methodology, orgs, assignments));
  const prepared = time(runs, () => prepareDataset(valid.value.methodology, d.meta.tiers, valid.value.orgs, valid.value.assignments));
  const computed = time(runs, () => computeIndex(prepared.value, asOf));
  return { validate: valid.ms, prepare: prepared.ms, compute: computed.ms, full: valid.ms + prepared.ms + computed.ms };
}

function printEngine(e: ReturnType<typeof benchEngine>, asOf: string, parseMs?: number) {
  const ratio = (ms: number) => (parseMs ? `   = ${(ms / parseMs).toFixed(2)} × JSON.parse` : '');
  console.log(`  record validation (rules of the contract)   ${fmt(e.validate)}`);
  console.log(`  prepare (index once per dataset)            ${fmt(e.prepare)}`);
  console.log(`  compute at ${asOf} (every org, tally, rank) ${fmt(e.compute)}${ratio(e.compute)}`);
  console.log(`  validate + prepare + compute                ${fmt(e.full)}${ratio(e.full)}`);
}

console.log(`Node ${process.version}; medians of repeated runs after a warm-up.`);
const district = benchDistrict('Mock Fuyang 2025', mockDistrict(2025), '2025-06-30', 25);

const t0 = performance.now();
const province = generateDistrict(2025, 100_000);
console.log(`\nProvince scale: ${province.orgs.length.toLocaleString('en')} orgs (100,000 grassroots), ${province.assignments.length.toLocaleString('en')} assignments (generated in ${fmt(performance.now() - t0)})`);
const big = benchEngine(province, province.assignments, '2025-06-30', 5);
printEngine(big, '2025-06-30');

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log('\nTargets:');
console.log(`  district compute ≤ 20 ms:                    ${fmt(district.compute)}  ${verdict(district.compute <= 20)}`);
console.log(`  district compute ≤ 0.5 × JSON.parse:         ${(district.compute / district.parse).toFixed(2)} ×  ${verdict(district.compute <= 0.5 * district.parse)}`);
console.log(`  100,000 unions compute ≤ 2 s:                ${fmt(big.compute)}  ${verdict(big.compute <= 2000)}`);
console.log(`  100,000 unions validate+prepare+compute ≤ 2 s: ${fmt(big.full)}  ${verdict(big.full <= 2000)}`);
