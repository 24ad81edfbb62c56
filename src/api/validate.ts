/**
 * Record-level validation (contract: "What the app does with bad data"). Splits
 * well-shaped payloads into the records the engine may use and a list of
 * data-quality issues, one per excluded record. Nothing valid is dropped: of two
 * duplicates the first valid one is kept, and a record is only excluded for its
 * own fault or because what it hangs on was excluded.
 */
import type { Assignment, Category, Indicator, Meta, Methodology, Org } from './schemas';
import { PayloadError } from './errors';

export type DataQualityRule =
  | 'unknownTier'
  | 'duplicateId'
  | 'multipleRoots'
  | 'unknownParent'
  | 'cycle'
  | 'orphan'
  | 'unknownCategory'
  | 'nonPositiveWeight'
  | 'inversePenalty'
  | 'unknownOrg'
  | 'unknownIndicator'
  | 'duplicateAssignment'
  | 'ratioTarget'
  | 'inverseTarget'
  | 'negativeProgress'
  | 'unsortedProgress'
  | 'invalidDate';

export interface DataQualityIssue {
  resource: 'methodology' | 'orgs' | 'assignments';
  /** Where the record sits in its payload, e.g. `assignments[12]`, `methodology.indicators[3]`. */
  path: string;
  /** A human handle on the record: an id, or `orgId · indicatorId`. */
  record: string;
  rule: DataQualityRule;
  /** The offending value, as text (e.g. the unknown id, the target). */
  detail: string;
}

export interface ValidDataset {
  meta: Meta;
  methodology: Methodology;
  orgs: Org[];
  assignments: Assignment[];
  issues: DataQualityIssue[];
}

export function validateMethodology(methodology: Methodology, issues: DataQualityIssue[]): Methodology {
  const categories: Category[] = [];
  const categoryIds = new Set<string>();
  methodology.categories.forEach((c, i) => {
    const path = `methodology.categories[${i}]`;
    const add = (rule: DataQualityRule, detail: string) =>
      issues.push({ resource: 'methodology', path, record: c.id, rule, detail });
    if (categoryIds.has(c.id)) add('duplicateId', c.id);
    else if (!(c.weight > 0)) add('nonPositiveWeight', String(c.weight));
    else {
      categoryIds.add(c.id);
      categories.push(c);
    }
  });
  const indicators: Indicator[] = [];
  const indicatorIds = new Set<string>();
  methodology.indicators.forEach((ind, i) => {
    const path = `methodology.indicators[${i}]`;
    const add = (rule: DataQualityRule, detail: string) =>
      issues.push({ resource: 'methodology', path, record: ind.id, rule, detail });
    if (indicatorIds.has(ind.id)) add('duplicateId', ind.id);
    else if (!categoryIds.has(ind.categoryId)) add('unknownCategory', ind.categoryId);
    else if (!(ind.weight > 0)) add('nonPositiveWeight', String(ind.weight));
    else if (ind.scoring === 'inverse' && !(ind.penalty !== undefined && ind.penalty >= 0))
      add('inversePenalty', String(ind.penalty ?? 'missing'));
    else {
      indicatorIds.add(ind.id);
      indicators.push(ind);
    }
  });
  return { ...methodology, categories, indicators };
}

export function validateOrgs(meta: Meta, orgs: Org[], issues: DataQualityIssue[]): Org[] {
  const tierIds = new Set(meta.tiers.map((t) => t.id));
  const add = (i: number, rule: DataQualityRule, detail: string) =>
    issues.push({ resource: 'orgs', path: `orgs[${i}]`, record: orgs[i].id, rule, detail });

  // 1. own faults: unknown tier, duplicate id
  const byId = new Map<string, number>();
  orgs.forEach((o, i) => {
    if (!tierIds.has(o.tier)) add(i, 'unknownTier', o.tier);
    else if (byId.has(o.id)) add(i, 'duplicateId', o.id);
    else byId.set(o.id, i);
  });
  const allIds = new Set(orgs.map((o) => o.id));

  // 2. exactly one root: prefer the district named by meta
  const roots = [...byId.values()].filter((i) => orgs[i].parentId === null);
  if (roots.length === 0) throw new PayloadError('orgs', 'orgs', 'expected one root organisation (parentId: null)');
  const root = roots.find((i) => orgs[i].id === meta.district.id) ?? roots[0];
  for (const i of roots) if (i !== root) { add(i, 'multipleRoots', orgs[i].id); byId.delete(orgs[i].id); }

  // 3. parents that exist nowhere in the payload
  for (const [id, i] of [...byId]) {
    const p = orgs[i].parentId;
    if (p !== null && !allIds.has(p)) { add(i, 'unknownParent', p); byId.delete(id); }
  }

  // 4. everything must hang from the root: the rest sits on a cycle or under an excluded org
  const children = new Map<string, number[]>();
  for (const i of byId.values()) {
    const p = orgs[i].parentId;
    if (p === null) continue;
    let list = children.get(p);
    if (!list) children.set(p, (list = []));
    list.push(i);
  }
  const reached = new Set<number>([root]);
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    for (const c of children.get(orgs[queue[q]].id) ?? []) {
      reached.add(c);
      queue.push(c);
    }
  }
  const unreached = [...byId.values()].filter((i) => !reached.has(i));
  const onCycle = findCycleMembers(unreached.map((i) => orgs[i]), byId);
  for (const i of unreached.sort((a, b) => a - b)) {
    if (onCycle.has(orgs[i].id)) add(i, 'cycle', orgs[i].parentId ?? '');
    else add(i, 'orphan', orgs[i].parentId ?? '');
  }
  return queue.map((i) => orgs[i]);
}

/** Ids of the orgs that lie on a parent cycle (following parentId among kept orgs). */
function findCycleMembers(candidates: Org[], byId: Map<string, number>): Set<string> {
  const parentOf = new Map(candidates.map((o) => [o.id, o.parentId]));
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = done
  const members = new Set<string>();
  for (const start of candidates) {
    const walk: string[] = [];
    let id: string | null = start.id;
    while (id !== null && parentOf.has(id) && byId.has(id) && !state.has(id)) {
      state.set(id, 1);
      walk.push(id);
      id = parentOf.get(id) ?? null;
    }
    if (id !== null && state.get(id) === 1) {
      // the walk closed on itself: members from `id` to the end of the walk
      for (let k = walk.indexOf(id); k < walk.length; k++) members.add(walk[k]);
    }
    for (const w of walk) state.set(w, 2);
  }
  return members;
}

export function validateAssignments(
  methodology: Methodology,
  orgs: Org[],
  assignments: Assignment[],
  issues: DataQualityIssue[],
): Assignment[] {
  const orgPosition = new Map(orgs.map((o, k) => [o.id, k]));
  const indicatorPosition = new Map(methodology.indicators.map((ind, k) => [ind.id, k]));
  // one bit per (org, indicator) pair: cheaper than a string key per record
  const seen = new Uint8Array(orgs.length * methodology.indicators.length);
  const valid: Assignment[] = [];
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    const u = orgPosition.get(a.orgId);
    const k = indicatorPosition.get(a.indicatorId);
    const key = u === undefined || k === undefined ? -1 : u * methodology.indicators.length + k;
    const fault: [DataQualityRule, string] | null =
      u === undefined
        ? ['unknownOrg', a.orgId]
        : k === undefined
          ? ['unknownIndicator', a.indicatorId]
          : (assignmentFault(a, methodology.indicators[k]) ?? (seen[key] ? ['duplicateAssignment', a.indicatorId] : null));
    if (fault) {
      issues.push({ resource: 'assignments', path: `assignments[${i}]`, record: `${a.orgId} · ${a.indicatorId}`, rule: fault[0], detail: fault[1] });
      continue;
    }
    seen[key] = 1;
    valid.push(a);
  }
  return valid;
}

/** Dates whose day is past 28 may not exist in their month (2025-02-30). */
function impossibleDate(iso: string | null): boolean {
  if (iso === null) return false;
  const day = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48;
  if (day <= 28) return false;
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  return day > new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE_FIELDS = ['due', 'issuedAt', 'claimedAt', 'reportedAt', 'evaluatedAt', 'exemptAt'] as const;

function assignmentFault(a: Assignment, ind: Indicator): [DataQualityRule, string] | null {
  for (const field of DATE_FIELDS) {
    if (impossibleDate(a[field])) return ['invalidDate', `${field} = ${a[field]}`];
  }
  if (ind.scoring === 'ratio' && !(a.target > 0)) return ['ratioTarget', String(a.target)];
  if (ind.scoring === 'inverse' && !(a.target >= 0)) return ['inverseTarget', String(a.target)];
  for (let k = 0; k < a.progress.length; k++) {
    const ev = a.progress[k];
    if (ev.value < 0) return ['negativeProgress', `progress[${k}].value = ${ev.value}`];
    if (k > 0 && ev.date < a.progress[k - 1].date) return ['unsortedProgress', `progress[${k}].date = ${ev.date}`];
    if (impossibleDate(ev.date)) return ['invalidDate', `progress[${k}].date = ${ev.date}`];
  }
  return null;
}

/** The whole pipeline: methodology first (indicators), then the tree, then the assignments that hang on both. */
export function validateDataset(meta: Meta, methodology: Methodology, orgs: Org[], assignments: Assignment[]): ValidDataset {
  const issues: DataQualityIssue[] = [];
  const validMethodology = validateMethodology(methodology, issues);
  const validOrgs = validateOrgs(meta, orgs, issues);
  const validAssignments = validateAssignments(validMethodology, validOrgs, assignments, issues);
  return { meta, methodology: validMethodology, orgs: validOrgs, assignments: validAssignments, issues };
}
