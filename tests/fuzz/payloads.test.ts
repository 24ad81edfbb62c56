/**
 * Fuzz suite (issue 8): property-based mutations of valid payloads — one field
 * dropped, retyped, negated or made a bad date; one record dropped, duplicated
 * or replaced; a list reordered; a payload's JSON text truncated. Asserted:
 * validation never throws (a PayloadError naming the resource only for a broken
 * top level, a truncated text, or a root organisation that is no longer valid);
 * every input record is either kept or listed, exactly once, with its reason;
 * every record the mutation did not touch (nor hang on) is kept; every kept
 * record passes the contract's zod schema; the engine computes the result, and
 * organisations whose subtree the mutation did not reach keep their index.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { getJson } from '../../src/api/client';
import { PayloadError } from '../../src/api/errors';
import {
  assignmentSchema,
  demandSchema,
  metaSchema,
  methodologyPayloadSchema,
  orgSchema,
  recordsSchema,
  type Assignment,
  type Meta,
  type ResourceName,
} from '../../src/api/schemas';
import { isCalendarDate, validateDataset, type DataQualityIssue, type ValidDataset } from '../../src/api/validate';
import { computeIndex, prepareDataset } from '../../src/engine';
import { loadYear } from '../../src/data/loadYear';
import exampleMeta from '../fixtures/example/meta.json';
import exampleMethodology from '../fixtures/example/methodology.json';
import exampleOrgs from '../fixtures/example/orgs.json';
import exampleAssignments from '../fixtures/example/assignments.json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Dict = { [k: string]: unknown };

interface Payload {
  meta: Dict;
  methodology: Dict & { categories: unknown[]; indicators: unknown[]; grades: unknown[]; demands: { topics: unknown[] } & Dict };
  orgs: unknown[];
  assignments: unknown[];
  demands: unknown[];
}

const clone = <T>(v: T): T => structuredClone(v);
const AS_OF = '2025-06-30';
const TOPICS = [
  { id: 'WAGE', name: { zh: '工资待遇', en: 'Pay' } },
  { id: 'SITE', name: { zh: '阵地建设', en: 'Sites' } },
];

/** A few demands in every state, spread over the organisations. */
function demandsFor(orgIds: string[]): Dict[] {
  // dates differ between records, so a date borrowed from another record can break the order
  const states = [
    { reportedAt: '2025-06-20', triagedAt: null, resolvedAt: null, outcome: null },
    { triagedAt: '2025-05-01', resolvedAt: null, outcome: null },
    { triagedAt: '2025-03-03', resolvedAt: '2025-04-01', outcome: 'service' },
    { triagedAt: '2025-03-02', resolvedAt: '2025-05-20', outcome: 'policy' },
    { triagedAt: '2025-03-05', resolvedAt: '2025-03-06', outcome: 'declined' },
  ];
  return orgIds.map((orgId, k) => ({
    id: `Q-${k}`,
    orgId,
    topicId: TOPICS[k % 2].id,
    title: `需求 ${k}`,
    reportedAt: '2025-03-01',
    ...states[k % states.length],
  }));
}

function withDemands(meta: unknown, methodology: unknown, orgs: unknown[], assignments: unknown[]): Payload {
  const ids = (orgs as { id: string }[]).map((o) => o.id);
  return clone({
    meta: meta as Dict,
    methodology: { ...(methodology as Dict), demands: { topics: TOPICS, triageDays: 5, resolveDays: 30 } },
    orgs,
    assignments,
    demands: demandsFor(ids),
  }) as unknown as Payload;
}

const example = withDemands(exampleMeta, exampleMethodology, exampleOrgs, exampleAssignments);

/** A small slice of the generated district: the root, three towns, six unions under each. */
const district = (() => {
  const d = mockDistrict(2025);
  const root = d.orgs.find((o) => o.parentId === null)!;
  const towns = d.orgs.filter((o) => o.parentId === root.id).slice(0, 3);
  const unions = towns.flatMap((t) => d.orgs.filter((o) => o.parentId === t.id).slice(0, 6));
  const orgs = [root, ...towns, ...unions];
  const ids = new Set(orgs.map((o) => o.id));
  return withDemands(
    d.meta,
    d.methodology,
    orgs,
    d.assignments.filter((a) => ids.has(a.orgId)),
  );
})();

// ─── mutations ───────────────────────────────────────────────────────────────

const LISTS = ['orgs', 'assignments', 'demands', 'categories', 'indicators', 'grades', 'topics'] as const;
type ListName = (typeof LISTS)[number];
/** `borrow`: a field takes the value of the same field of another record (dates out of order, repeated grade minimums, a stolen id…). */
/** `reverse`: a list inside a record (progress events) in reverse order. */
const OPS = [
  'dropField',
  'retype',
  'negate',
  'badDate',
  'borrow',
  'borrow',
  'reverse',
  'dropRecord',
  'duplicate',
  'notAnObject',
  'reorder',
] as const;

interface Mutation {
  list: ListName;
  at: number;
  op: (typeof OPS)[number];
  field: number;
  value: Json;
  seed: number;
}

function listOf(p: Payload, name: ListName): unknown[] {
  switch (name) {
    case 'orgs':
    case 'assignments':
    case 'demands':
      return p[name];
    case 'topics':
      return p.methodology.demands.topics;
    default:
      return p.methodology[name];
  }
}

/** Every path to a value inside a record (fields, nested fields, list elements). */
function leafPaths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return prefix.length ? [prefix] : [];
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, k) => [k, x]) : Object.entries(v);
  for (const [k, x] of entries) out.push(...leafPaths(x, [...prefix, k]));
  return out;
}

function setAt(record: unknown, path: (string | number)[], update: (parent: Dict | unknown[], key: string | number) => void) {
  let node = record as Dict;
  for (let k = 0; k < path.length - 1; k++) node = node[path[k] as string] as Dict;
  update(node, path[path.length - 1]);
}

/** A deterministic shuffle (fast-check replays the seed). */
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let k = out.length - 1; k > 0; k--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (k + 1);
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Applies the mutation to a copy; returns it with the original records it
 * touched: the mutated one, and for `borrow` the one whose value it took (a
 * borrowed id can make the mutated record the first of two copies).
 */
function mutate(base: Payload, m: Mutation): { p: Payload; touched: unknown[] } {
  const p = clone(base);
  const list = listOf(p, m.list);
  const original = listOf(base, m.list);
  if (list.length === 0) return { p, touched: [] };
  const i = m.at % list.length;
  const touched = [original[i]];
  switch (m.op) {
    case 'dropRecord':
      list.splice(i, 1);
      return { p, touched };
    case 'duplicate':
      list.splice(m.seed % (list.length + 1), 0, clone(list[i]));
      return { p, touched: [] }; // both copies are valid: nothing may be lost
    case 'notAnObject':
      list[i] = m.value !== null && typeof m.value === 'object' && !Array.isArray(m.value) ? 'not a record' : m.value;
      return { p, touched };
    case 'reorder': {
      const shuffled = shuffle(list, m.seed);
      list.splice(0, list.length, ...shuffled);
      return { p, touched: [] };
    }
    default: {
      const all = leafPaths(list[i]);
      const valueAt = (record: unknown, path: (string | number)[]) =>
        path.reduce<unknown>((node, k) => (node !== null && typeof node === 'object' ? (node as Dict)[k as string] : undefined), record);
      // aim the numeric and date mutations at numbers and dates, where the range rules are
      const aimed =
        m.op === 'negate'
          ? all.filter((path) => typeof valueAt(list[i], path) === 'number')
          : m.op === 'badDate'
            ? all.filter((path) => isDate(valueAt(list[i], path)))
            : m.op === 'reverse'
              ? all.filter((path) => Array.isArray(valueAt(list[i], path)))
              : all;
      const paths = aimed.length ? aimed : all;
      const path = paths[m.field % paths.length];
      // the donor: the first record from a seeded start whose value there differs (else the mutation is a no-op)
      const mine = JSON.stringify(valueAt(list[i], path));
      let donorAt = i;
      for (let step = 0; step < list.length; step++) {
        const k = (i + 1 + m.seed + step) % list.length;
        if (k !== i && JSON.stringify(valueAt(list[k], path)) !== mine) {
          donorAt = k;
          break;
        }
      }
      const donor = list[donorAt];
      setAt(list[i], path, (parent, key) => {
        const at = parent as Record<string | number, unknown>;
        if (m.op === 'dropField') {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete at[key];
        } else if (m.op === 'negate') at[key] = typeof at[key] === 'number' ? -(at[key] as number) : -1;
        else if (m.op === 'badDate') at[key] = m.seed % 2 ? '2025-13-01' : '2025-02-30';
        else if (m.op === 'reverse') at[key] = Array.isArray(at[key]) ? [...(at[key] as unknown[])].reverse() : m.value;
        else if (m.op === 'borrow') {
          const borrowed = valueAt(donor, path);
          if (borrowed !== undefined) at[key] = clone(borrowed);
        } else at[key] = m.value;
      });
      if (m.op === 'borrow' && donorAt !== i) touched.push(original[donorAt]);
      return { p, touched };
    }
  }
}

// junk strings start with "~": never an id of the payload, so a retyped id cannot collide with a real one
const junkValue: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 6 }).map((s) => `~${s}`),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom<Json>(null, true, {}, [], '', '__proto__', 'constructor', '2025-13-01', 'service'),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  list: fc.constantFrom(...LISTS),
  at: fc.nat(),
  op: fc.constantFrom(...OPS),
  field: fc.nat(),
  value: junkValue,
  seed: fc.nat(),
});

// ─── what the mutation may cost ──────────────────────────────────────────────

interface Affected {
  /** Records the mutation touched (as in the base). */
  records: Set<unknown>;
  orgs: Set<string>; // organisations that may be excluded, or lose their id to the mutated record
  /** Organisations whose assignments may collide with the mutated one. */
  assignmentOrgs: Set<string>;
  indicators: Set<string>;
  topics: Set<string>;
  /** Organisations whose index may change: the affected ones and their ancestors. */
  indexChanges: Set<string> | 'all';
}

function affectedBy(base: Payload, m: Mutation, touched: unknown[]): Affected {
  const orgs = base.orgs as { id: string; parentId: string | null }[];
  const a: Affected = {
    records: new Set(touched),
    orgs: new Set(),
    assignmentOrgs: new Set(),
    indicators: new Set(),
    topics: new Set(),
    indexChanges: new Set(),
  };
  const subtree = (id: string) => {
    const ids = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const o of orgs)
        if (o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) {
          ids.add(o.id);
          grew = true;
        }
    }
    return ids;
  };
  const parent = new Map(orgs.map((o) => [o.id, o.parentId]));
  const changes = new Set<string>();
  const withAncestors = (ids: Iterable<string>) => {
    for (const id of ids) for (let p: string | null = id; p !== null; p = parent.get(p) ?? null) changes.add(p);
  };
  for (const record of touched) {
    const t = record as Dict;
    switch (m.list) {
      case 'orgs': {
        const ids = subtree(t.id as string);
        for (const id of ids) a.orgs.add(id);
        withAncestors(ids);
        break;
      }
      case 'assignments':
        a.assignmentOrgs.add(t.orgId as string);
        withAncestors([t.orgId as string]);
        break;
      case 'demands':
        break; // demands do not enter the index
      case 'categories':
        for (const ind of base.methodology.indicators as Dict[]) if (ind.categoryId === t.id) a.indicators.add(ind.id as string);
        a.indexChanges = 'all';
        break;
      case 'indicators':
        a.indicators.add(t.id as string);
        a.indexChanges = 'all';
        break;
      case 'grades':
        break; // a grade changes no index
      case 'topics':
        a.topics.add(t.id as string);
        break;
    }
  }
  if (a.indexChanges !== 'all') a.indexChanges = changes;
  return a;
}

// ─── the checks ──────────────────────────────────────────────────────────────

/** A plain assertion for the per-record loops (vitest's expect costs too much at ~10^5 calls per run of the suite). */
function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

const issueIndex = (issue: DataQualityIssue, resource: string): number => {
  const m = new RegExp(`^${resource.replace('.', '\\.')}\\[(\\d+)\\]`).exec(issue.path);
  return m ? Number(m[1]) : -1;
};

/** Each input record is kept (the same object) or has exactly one issue at its index: never both, never neither. */
function expectAccounted(resource: 'orgs' | 'assignments' | 'demands', input: unknown[], kept: unknown[], issues: DataQualityIssue[]) {
  const keptSet = new Set(kept);
  const listed = new Map<number, number>();
  for (const issue of issues) {
    if (issue.resource !== resource) continue;
    const k = issueIndex(issue, resource);
    assert(k >= 0 && k < input.length, `${issue.path}: index within the payload`);
    assert(issue.record.length > 0 && typeof issue.detail === 'string', `${issue.path}: names its record and detail`);
    listed.set(k, (listed.get(k) ?? 0) + 1);
  }
  input.forEach((record, k) => {
    const isKept = keptSet.has(record);
    assert(Number(isKept) + (listed.get(k) ?? 0) === 1, `${resource}[${k}] kept once or listed once`);
  });
  expect(kept.length).toBe(keptSet.size);
}

const key = {
  orgs: (o: Dict) => o.id as string,
  assignments: (a: Dict) => `${String(a.orgId)} · ${String(a.indicatorId)}`,
  demands: (q: Dict) => q.id as string,
};

/**
 * The contract's record rules, stated plainly, on what was kept: the methodology
 * whole, and the records that differ from the valid base (`changed`).
 */
function expectRecordRules(v: ValidDataset, changed: Set<unknown>) {
  const m = v.methodology;
  for (const c of m.categories) assert(c.weight > 0, `kept category ${c.id} has a positive weight`);
  const scoringOf = new Map(m.indicators.map((ind) => [ind.id, ind.scoring]));
  for (const ind of m.indicators) {
    assert(ind.weight > 0, `kept indicator ${ind.id} has a positive weight`);
    assert(ind.scoring !== 'inverse' || (ind.penalty !== undefined && ind.penalty >= 0), `kept inverse indicator ${ind.id} has a penalty`);
    assert(
      m.categories.some((c) => c.id === ind.categoryId),
      `kept indicator ${ind.id} has a kept category`,
    );
  }
  assert(new Set(m.grades.map((g) => g.grade)).size === m.grades.length, 'grade names are unique');
  assert(new Set(m.grades.map((g) => g.min)).size === m.grades.length, 'grade minimums are unique');
  const tiers = new Set(v.meta.tiers.map((t) => t.id));
  const kept = new Set(v.orgs.map((o) => o.id));
  assert(kept.size === v.orgs.length, 'org ids are unique');
  for (const o of v.orgs) {
    if (!changed.has(o)) continue;
    assert(tiers.has(o.tier) && o.members >= 0 && (o.parentId === null || kept.has(o.parentId)), `kept org ${o.id} follows the rules`);
  }
  for (const a of v.assignments) {
    if (!changed.has(a)) continue;
    const scoring = scoringOf.get(a.indicatorId);
    assert(kept.has(a.orgId) && scoring !== undefined, `kept assignment ${a.orgId} · ${a.indicatorId} hangs on kept records`);
    assert(scoring !== 'ratio' || a.target > 0, 'a kept ratio target is positive');
    assert(scoring !== 'inverse' || a.target >= 0, 'a kept inverse limit is not negative');
    a.progress.forEach((e, k) =>
      assert(e.value >= 0 && (k === 0 || a.progress[k - 1].date <= e.date), 'kept progress is non-negative and sorted'),
    );
  }
  const topics = new Set(m.demands?.topics.map((t) => t.id));
  for (const q of v.demands ?? []) {
    if (!changed.has(q)) continue;
    assert(kept.has(q.orgId) && topics.has(q.topicId), `kept demand ${q.id} hangs on kept records`);
    assert(q.triagedAt === null || q.triagedAt >= q.reportedAt, 'triaged after reported');
    assert(q.resolvedAt === null || (q.triagedAt !== null && q.resolvedAt >= q.triagedAt), 'resolved after triage');
    assert((q.resolvedAt === null) === (q.outcome === null), 'an outcome exactly when resolved');
    assert(
      [q.reportedAt, q.triagedAt, q.resolvedAt].every((d) => d === null || isCalendarDate(d)),
      'real dates',
    );
  }
}

function check(base: Payload, m: Mutation, baseline: Map<string, number>, baseRecords: Set<string>) {
  const { p, touched } = mutate(base, m);
  const rootOfBase = (base.orgs as Dict[]).find((o) => o.parentId === null)!;
  let v: ValidDataset;
  try {
    v = validateDataset(p.meta as Meta, methodologyPayloadSchema.parse(p.methodology), p.orgs, p.assignments, p.demands);
  } catch (e) {
    // only a root organisation that is no longer valid may fail the payload (everything hangs on it)
    expect(e).toBeInstanceOf(PayloadError);
    expect((e as PayloadError).resource).toBe('orgs');
    expect(p.orgs.some((o) => JSON.stringify(o) === JSON.stringify(rootOfBase))).toBe(false);
    expect(touched).toContain(rootOfBase);
    return;
  }

  // every record kept or listed, exactly once; methodology entries by count
  expectAccounted('orgs', p.orgs, v.orgs, v.issues);
  expectAccounted('assignments', p.assignments, v.assignments, v.issues);
  expectAccounted('demands', p.demands, v.demands ?? [], v.issues);
  const entries =
    p.methodology.categories.length + p.methodology.indicators.length + p.methodology.grades.length + p.methodology.demands.topics.length;
  const keptEntries =
    v.methodology.categories.length +
    v.methodology.indicators.length +
    v.methodology.grades.length +
    (v.methodology.demands?.topics.length ?? 0);
  expect(keptEntries + v.issues.filter((i) => i.resource === 'methodology').length).toBe(entries);
  expect(new Set(v.issues.map((i) => i.path)).size).toBe(v.issues.length); // the quality dialog keys rows by path

  // nothing valid lost: every record the mutation did not touch, nor hang on, is kept (by content)
  const affected = affectedBy(base, m, touched);
  const keptKeys = {
    orgs: new Set(v.orgs.map((o) => JSON.stringify(o))),
    assignments: new Set(v.assignments.map((a) => JSON.stringify(a))),
    demands: new Set((v.demands ?? []).map((q) => JSON.stringify(q))),
  };
  for (const o of base.orgs as Dict[]) {
    if (affected.records.has(o) || affected.orgs.has(o.id as string)) continue;
    assert(keptKeys.orgs.has(JSON.stringify(o)), `org ${key.orgs(o)} kept`);
  }
  for (const a of base.assignments as Dict[]) {
    if (
      affected.records.has(a) ||
      affected.orgs.has(a.orgId as string) ||
      affected.assignmentOrgs.has(a.orgId as string) ||
      affected.indicators.has(a.indicatorId as string)
    )
      continue;
    assert(keptKeys.assignments.has(JSON.stringify(a)), `assignment ${key.assignments(a)} kept`);
  }
  for (const q of base.demands as Dict[]) {
    if (affected.records.has(q) || affected.orgs.has(q.orgId as string) || affected.topics.has(q.topicId as string)) continue;
    assert(keptKeys.demands.has(JSON.stringify(q)), `demand ${key.demands(q)} kept`);
  }

  // the fast check is never laxer than the contract's schemas
  // (only the record the mutation touched can differ from the valid base: check what may be it)
  const suspects = (kept: unknown[], list: ListName) => (m.list === list ? kept.filter((r) => !baseRecords.has(JSON.stringify(r))) : []);
  for (const o of suspects(v.orgs, 'orgs')) assert(orgSchema.safeParse(o).success, `kept org passes the schema: ${JSON.stringify(o)}`);
  for (const a of suspects(v.assignments, 'assignments') as Assignment[]) {
    assert(assignmentSchema.safeParse(a).success, `kept assignment passes the schema: ${JSON.stringify(a)}`);
    for (const d of [a.due, a.issuedAt, a.claimedAt, a.reportedAt, a.evaluatedAt, a.exemptAt, ...a.progress.map((e) => e.date)])
      assert(d === null || isCalendarDate(d), `kept assignment has real dates: ${d}`);
  }
  for (const q of suspects(v.demands ?? [], 'demands'))
    assert(demandSchema.safeParse(q).success, `kept demand passes the schema: ${JSON.stringify(q)}`);
  expectRecordRules(
    v,
    new Set([...suspects(v.orgs, 'orgs'), ...suspects(v.assignments, 'assignments'), ...suspects(v.demands ?? [], 'demands')]),
  );

  // the engine computes what was kept; organisations the mutation did not reach keep their index
  const ds = prepareDataset(v.methodology, v.meta.tiers, v.orgs, v.assignments);
  const r = computeIndex(ds, AS_OF);
  expect(r.index).toHaveLength(v.orgs.length);
  if (affected.indexChanges !== 'all') {
    for (const [id, before] of baseline) {
      if (affected.indexChanges.has(id)) continue;
      const u = ds.orgIndex.get(id);
      assert(u !== undefined, `org ${id} computed`);
      const after = r.index[u!];
      assert(Number.isNaN(before) ? Number.isNaN(after) : Math.abs(after - before) < 1e-9, `org ${id}: index ${after}, was ${before}`);
    }
  }
}

function baselineIndex(base: Payload): Map<string, number> {
  const v = validateDataset(base.meta as Meta, methodologyPayloadSchema.parse(base.methodology), base.orgs, base.assignments, base.demands);
  expect(v.issues).toEqual([]);
  const ds = prepareDataset(v.methodology, v.meta.tiers, v.orgs, v.assignments);
  const r = computeIndex(ds, AS_OF);
  return new Map(v.orgs.map((o) => [o.id, r.index[ds.orgIndex.get(o.id)!]]));
}

const bases = [
  ['the worked example', example, 400],
  ['a slice of the generated district', district, 200],
] as const;

describe.each(bases)('record mutations of %s', (_, base, runs) => {
  const baseline = baselineIndex(base);
  const baseRecords = new Set([...base.orgs, ...base.assignments, ...base.demands].map((r) => JSON.stringify(r)));
  it('never throw past a PayloadError, lose nothing valid, list every exclusion, and compute', () => {
    fc.assert(
      fc.property(mutationArb, (m) => check(base, m, baseline, baseRecords)),
      { numRuns: runs },
    );
  }, 60_000); // ~1-3 s on a quiet 2-core machine; the limit leaves room for a machine shared with other jobs
});

// ─── the top level and the transport ─────────────────────────────────────────

const API = 'http://fuzz.test/api';

/** A fetch that serves the payload's resources as JSON text (optionally replaced), no network. */
function serve(p: Payload, override?: { resource: ResourceName; text: string }) {
  const bodies: Record<string, string> = {
    meta: JSON.stringify(p.meta),
    methodology: JSON.stringify(p.methodology),
    orgs: JSON.stringify(p.orgs),
    assignments: JSON.stringify(p.assignments),
    demands: JSON.stringify(p.demands),
  };
  if (override) bodies[override.resource] = override.text;
  vi.stubGlobal('fetch', async (url: string) => {
    const resource = new URL(url).pathname.split('/').at(-1)!;
    return Object.hasOwn(bodies, resource)
      ? new Response(bodies[resource], { headers: { 'Content-Type': 'application/json' } })
      : Response.json({ error: { code: 'not_found', message: 'no such resource' } }, { status: 404 });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const PER_YEAR = ['methodology', 'orgs', 'assignments', 'demands'] as const;

describe('the top level and the transport', () => {
  it('a truncated JSON text fails as a PayloadError naming its resource', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PER_YEAR),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (resource, cut) => {
          const text = JSON.stringify(resource === 'methodology' ? example.methodology : example[resource]);
          serve(example, { resource, text: text.slice(0, Math.floor(cut * text.length)) });
          const err = await loadYear(API, 2025, metaSchema.parse(example.meta)).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(PayloadError);
          expect(err).toMatchObject({ resource, message: `${resource}: not JSON` });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a list resource that is not an array, or a methodology missing a required field, fails naming the resource', async () => {
    const notAnArray = fc.constantFrom<Json>({}, { orgs: [] }, 'x', 3, null, true);
    const methodologyKeys = ['year', 'categories', 'indicators', 'grades', 'rollup', 'alerts'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PER_YEAR), notAnArray, fc.constantFrom(...methodologyKeys), async (resource, body, dropped) => {
        const text =
          resource === 'methodology'
            ? JSON.stringify(Object.fromEntries(Object.entries(example.methodology).filter(([k]) => k !== dropped)))
            : JSON.stringify(body);
        serve(example, { resource, text });
        const err = await loadYear(API, 2025, metaSchema.parse(example.meta)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PayloadError);
        expect((err as PayloadError).resource).toBe(resource);
        expect((err as PayloadError).path.startsWith(resource)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('meta missing a field fails naming it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('district', 'tiers', 'years', 'defaultYear', 'asOf', 'generatedAt'), async (dropped) => {
        serve(example, {
          resource: 'meta',
          text: JSON.stringify(Object.fromEntries(Object.entries(example.meta).filter(([k]) => k !== dropped))),
        });
        const err = await getJson('meta', `${API}/v1/meta`, metaSchema).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PayloadError);
        expect((err as PayloadError).path).toBe(`meta.${dropped}`);
      }),
      { numRuns: 12 },
    );
  });

  it('record mutations sent as JSON text through the real loader never fail the year', async () => {
    const meta = metaSchema.parse(example.meta);
    await fc.assert(
      fc.asyncProperty(
        mutationArb.filter((m) => m.list !== 'orgs'),
        async (m) => {
          const { p } = mutate(example, m);
          serve(p);
          const year = await loadYear(API, 2025, meta);
          expect(year.ds.orgs.length).toBe(example.orgs.length);
          expect(year.demands).toBeDefined();
          // JSON turns NaN and Infinity into null: still one issue per excluded record
          const counted = year.issues.filter((i) => i.resource === 'assignments').length + year.ds.assignmentCount;
          expect(counted).toBe(p.assignments.length);
          expect(recordsSchema.safeParse(p.assignments).success).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
