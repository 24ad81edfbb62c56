/**
 * Record-level validation (contract v1.1: "What the app does with bad data").
 * Splits fetched payloads into the records the engine may use and a list of
 * data-quality issues, one per excluded record. A payload fails whole only when
 * its top level is wrong (checked by the fetchers); a record with a bad field
 * costs that record only. Nothing valid is dropped. The rules run in the
 * contract's order, so one bad copy never hides a good one:
 *   (1) each record's own fields; (2) its direct references; (3) duplicates
 *   among the records that passed (1) and (2), the first kept; (4) the tree:
 *   cycles, a second root, and everything under an excluded organisation.
 *
 * Speed: ~30k records per year. Each record goes through a hand-written check
 * (a few `typeof`s and a regex per date); zod runs only on a record that failed
 * it, to name the first failing field in zod's words.
 */
import type * as z from 'zod/mini';
import {
  assignmentSchema,
  categorySchema,
  demandSchema,
  demandTopicSchema,
  gradeBandSchema,
  indicatorSchema,
  orgSchema,
  type Assignment,
  type Category,
  type Demand,
  type DemandTopic,
  type GradeBand,
  type Indicator,
  type Meta,
  type Methodology,
  type MethodologyPayload,
  type Org,
} from './schemas';
import { NOT_A_DAY, NO_DAY, calendarDay, isCalendarDate } from '../lib/calendar';

export { isCalendarDate };
import { PayloadError, formatPath } from './errors';

export type DataQualityRule =
  /** (1) a field of the wrong type, missing, or out of range */
  | 'invalidField'
  | 'invalidDate'
  | 'unknownTier'
  | 'nonPositiveWeight'
  | 'inversePenalty'
  | 'ratioTarget'
  | 'inverseTarget'
  | 'negativeProgress'
  | 'unsortedProgress'
  | 'invalidOutcome'
  | 'triagedBeforeReported'
  | 'resolvedWithoutTriage'
  | 'resolvedBeforeTriaged'
  | 'outcomeWithoutResolution'
  | 'resolutionWithoutOutcome'
  /** (2) references */
  | 'unknownParent'
  | 'unknownCategory'
  | 'unknownOrg'
  | 'unknownIndicator'
  | 'unknownTopic'
  /** (3) duplicates */
  | 'duplicateId'
  | 'duplicateAssignment'
  | 'duplicateGrade'
  | 'duplicateGradeMin'
  /** (4) the tree */
  | 'multipleRoots'
  | 'cycle'
  | 'underExcludedOrg';

export interface DataQualityIssue {
  resource: 'methodology' | 'orgs' | 'assignments' | 'demands';
  /**
   * Where the fault sits in its payload: the field for a fault of the record's
   * own fields (`assignments[1204].target`), else the record (`orgs[12]`).
   */
  path: string;
  /** A human handle on the record: an id, or `orgId · indicatorId`; its position when it has neither. */
  record: string;
  rule: DataQualityRule;
  /** The offending value, as text (e.g. the unknown id, the target, zod's message). */
  detail: string;
}

export interface ValidDataset {
  meta: Meta;
  methodology: Methodology;
  orgs: Org[];
  assignments: Assignment[];
  /** Present when demands were given (a v1.1 backend with `methodology.demands`). */
  demands?: Demand[];
  issues: DataQualityIssue[];
}

/** A fault of one record: `field` is relative to the record (`.target`, `.progress[0].value`), '' for the whole record. */
interface Fault {
  rule: DataQualityRule;
  field: string;
  detail: string;
}

const fault = (rule: DataQualityRule, field: string, detail: string): Fault => ({ rule, field, detail });

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The first field zod finds wrong in a record the fast check rejected. */
function shapeFault(schema: z.ZodMiniType, record: unknown): Fault {
  const parsed = schema.safeParse(record);
  if (parsed.success) return fault('invalidField', '', 'malformed record'); // the fast check is stricter: never expected
  const first = parsed.error.issues[0];
  return fault('invalidField', formatPath('', first.path), first.message.replace(/^Invalid input: /, ''));
}

const DATE_OK = 0;
const DATE_WRONG_TYPE = 1;
const DATE_NOT_A_DATE = 2;

/** A date field: null is allowed where `nullable`; another type is a shape fault; a string that is no date is `invalidDate`. */
function checkDate(v: unknown, nullable: boolean): number {
  if (typeof v === 'string') return isCalendarDate(v) ? DATE_OK : DATE_NOT_A_DATE;
  return v === null && nullable ? DATE_OK : DATE_WRONG_TYPE;
}

const invalidDate = (field: string, v: unknown) => fault('invalidDate', `.${field}`, `${field} = ${String(v)}`);

const recordPath = (resource: string, i: number) => `${resource}[${i}]`;
const idOf = (r: unknown): string | undefined => (isDict(r) && typeof r.id === 'string' ? r.id : undefined);

// ─── methodology ──────────────────────────────────────────────────────────────

export function validateMethodology(methodology: MethodologyPayload, issues: DataQualityIssue[]): Methodology {
  const add = (list: string, i: number, handle: string, f: Fault) =>
    issues.push({ resource: 'methodology', path: `methodology.${list}[${i}]${f.field}`, record: handle, rule: f.rule, detail: f.detail });

  const categories: Category[] = [];
  const categoryIds = new Set<string>();
  methodology.categories.forEach((raw, i) => {
    const handle = idOf(raw) ?? `methodology.categories[${i}]`;
    const parsed = categorySchema.safeParse(raw);
    if (!parsed.success) return add('categories', i, handle, shapeFault(categorySchema, raw));
    const c = parsed.data;
    if (!(c.weight > 0)) add('categories', i, handle, fault('nonPositiveWeight', '.weight', String(c.weight)));
    else if (categoryIds.has(c.id)) add('categories', i, handle, fault('duplicateId', '', c.id));
    else {
      categoryIds.add(c.id);
      categories.push(c);
    }
  });

  const indicators: Indicator[] = [];
  const indicatorIds = new Set<string>();
  methodology.indicators.forEach((raw, i) => {
    const handle = idOf(raw) ?? `methodology.indicators[${i}]`;
    const parsed = indicatorSchema.safeParse(raw);
    if (!parsed.success) return add('indicators', i, handle, shapeFault(indicatorSchema, raw));
    const ind = parsed.data;
    if (!(ind.weight > 0)) add('indicators', i, handle, fault('nonPositiveWeight', '.weight', String(ind.weight)));
    else if (ind.scoring === 'inverse' && !(ind.penalty !== undefined && ind.penalty >= 0))
      add('indicators', i, handle, fault('inversePenalty', '.penalty', String(ind.penalty ?? 'missing')));
    else if (!categoryIds.has(ind.categoryId)) add('indicators', i, handle, fault('unknownCategory', '', ind.categoryId));
    else if (indicatorIds.has(ind.id)) add('indicators', i, handle, fault('duplicateId', '', ind.id));
    else {
      indicatorIds.add(ind.id);
      indicators.push(ind);
    }
  });

  // two bands with one name or one minimum would draw two "5A" columns: the later one goes
  const grades: GradeBand[] = [];
  const gradeNames = new Set<string>();
  const gradeMins = new Set<number>();
  methodology.grades.forEach((raw, i) => {
    const handle = isDict(raw) && typeof raw.grade === 'string' ? raw.grade : `methodology.grades[${i}]`;
    const parsed = gradeBandSchema.safeParse(raw);
    if (!parsed.success) return add('grades', i, handle, shapeFault(gradeBandSchema, raw));
    const g = parsed.data;
    if (gradeNames.has(g.grade)) add('grades', i, handle, fault('duplicateGrade', '', g.grade));
    else if (gradeMins.has(g.min)) add('grades', i, handle, fault('duplicateGradeMin', '.min', String(g.min)));
    else {
      gradeNames.add(g.grade);
      gradeMins.add(g.min);
      grades.push(g);
    }
  });

  const { demands, ...rest } = methodology;
  const valid: Methodology = { ...rest, categories, indicators, grades };
  if (demands) {
    const topics: DemandTopic[] = [];
    const topicIds = new Set<string>();
    demands.topics.forEach((raw, i) => {
      const handle = idOf(raw) ?? `methodology.demands.topics[${i}]`;
      const parsed = demandTopicSchema.safeParse(raw);
      if (!parsed.success) return add('demands.topics', i, handle, shapeFault(demandTopicSchema, raw));
      if (topicIds.has(parsed.data.id)) add('demands.topics', i, handle, fault('duplicateId', '', parsed.data.id));
      else {
        topicIds.add(parsed.data.id);
        topics.push(parsed.data);
      }
    });
    valid.demands = { ...demands, topics };
  }
  return valid;
}

// ─── organisations ───────────────────────────────────────────────────────────

/** Rule (1) for an organisation: its own fields. */
function orgFieldFault(o: unknown, tierIds: ReadonlySet<string>): Fault | null {
  if (
    !isDict(o) ||
    typeof o.id !== 'string' ||
    typeof o.name !== 'string' ||
    typeof o.tier !== 'string' ||
    !(o.parentId === null || typeof o.parentId === 'string') ||
    !(isFiniteNumber(o.members) && o.members >= 0) ||
    !(o.kind === undefined || typeof o.kind === 'string')
  )
    return shapeFault(orgSchema, o);
  if (!tierIds.has(o.tier)) return fault('unknownTier', '.tier', o.tier);
  return null;
}

/** The organisation tree after validation, and what the other resources need to tell "unknown" from "excluded". */
export interface ValidOrgs {
  /** Root first, every organisation after its parent. */
  orgs: Org[];
  /** Every id that appears on a record of the payload, valid or not. */
  payloadIds: ReadonlySet<string>;
  /** The position of each of `orgs` by id (what preparation indexes them by: it reuses this map). */
  keptIndex: ReadonlyMap<string, number>;
}

export function validateOrgs(meta: Meta, orgs: readonly unknown[], issues: DataQualityIssue[]): ValidOrgs {
  const tierIds = new Set(meta.tiers.map((t) => t.id));
  const found: { i: number; f: Fault }[] = [];
  const exclude = (i: number, f: Fault) => found.push({ i, f });

  const payloadIds = new Set<string>();
  for (const o of orgs) {
    const id = idOf(o);
    if (id !== undefined) payloadIds.add(id);
  }

  // (1) own fields, (2) the parent exists somewhere in the payload, (3) the first valid copy of an id
  const byId = new Map<string, number>();
  const typed = orgs as Org[]; // read only at positions that passed (1)
  for (let i = 0; i < orgs.length; i++) {
    const f = orgFieldFault(orgs[i], tierIds);
    if (f) {
      exclude(i, f);
      continue;
    }
    const o = typed[i];
    if (o.parentId !== null && !payloadIds.has(o.parentId)) exclude(i, fault('unknownParent', '', o.parentId));
    else if (byId.has(o.id)) exclude(i, fault('duplicateId', '', o.id));
    else byId.set(o.id, i);
  }

  // (4) one root: the scope organisation, else the district named by meta, else the first
  const roots = [...byId.values()].filter((i) => typed[i].parentId === null);
  if (roots.length === 0) {
    const badRoot = found.find(({ i }) => isDict(orgs[i]) && (orgs[i] as Dict).parentId === null);
    throw new PayloadError(
      'orgs',
      badRoot ? `orgs[${badRoot.i}]${badRoot.f.field}` : 'orgs',
      badRoot ? `the root organisation is invalid: ${badRoot.f.detail}` : 'expected one root organisation (parentId: null)',
    );
  }
  const preferred = meta.scope?.orgId ?? meta.district.id;
  const root = roots.find((i) => typed[i].id === preferred) ?? roots[0];
  for (const i of roots) {
    if (i === root) continue;
    exclude(i, fault('multipleRoots', '', typed[i].id));
    byId.delete(typed[i].id);
  }

  // everything must hang from the root: the rest sits on a cycle or under an excluded organisation
  const children = new Map<string, number[]>();
  for (const i of byId.values()) {
    const p = typed[i].parentId;
    if (p === null) continue;
    const list = children.get(p);
    if (list) list.push(i);
    else children.set(p, [i]);
  }
  const queue = [root];
  for (let q = 0; q < queue.length; q++) for (const c of children.get(typed[queue[q]].id) ?? []) queue.push(c);
  if (queue.length < byId.size) {
    const reached = new Set(queue);
    const unreached = [...byId.values()].filter((i) => !reached.has(i));
    const onCycle = findCycleMembers(unreached.map((i) => typed[i]));
    for (const i of unreached) {
      const o = typed[i];
      if (onCycle.has(o.id)) exclude(i, fault('cycle', '', o.parentId ?? ''));
      else exclude(i, fault('underExcludedOrg', '', excludedAncestor(o, byId, typed, onCycle)));
    }
  }

  found.sort((a, b) => a.i - b.i);
  for (const { i, f } of found) {
    issues.push({
      resource: 'orgs',
      path: `${recordPath('orgs', i)}${f.field}`,
      record: idOf(orgs[i]) ?? recordPath('orgs', i),
      rule: f.rule,
      detail: f.detail,
    });
  }
  const kept = queue.map((i) => typed[i]);
  const keptIndex = new Map<string, number>();
  for (let k = 0; k < kept.length; k++) keptIndex.set(kept[k].id, k);
  return { orgs: kept, payloadIds, keptIndex };
}

/** The nearest ancestor that was excluded for a fault of its own (or sits on a cycle): what the report names. */
function excludedAncestor(o: Org, byId: ReadonlyMap<string, number>, typed: readonly Org[], onCycle: ReadonlySet<string>): string {
  let p = o.parentId;
  for (let guard = 0; p !== null && guard <= byId.size; guard++) {
    const k = byId.get(p);
    if (k === undefined || onCycle.has(p)) return p;
    p = typed[k].parentId;
  }
  return o.parentId ?? '';
}

/** Ids of the orgs that lie on a parent cycle (following parentId among the candidates). */
function findCycleMembers(candidates: Org[]): Set<string> {
  const parentOf = new Map(candidates.map((o) => [o.id, o.parentId]));
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = done
  const members = new Set<string>();
  for (const start of candidates) {
    const walk: string[] = [];
    let id: string | null = start.id;
    while (id !== null && parentOf.has(id) && !state.has(id)) {
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

// ─── assignments ─────────────────────────────────────────────────────────────

const ASSIGNMENT_DATES = ['due', 'issuedAt', 'claimedAt', 'reportedAt', 'evaluatedAt', 'exemptAt'] as const;

/** A date field of another type than string (or null where allowed): a shape fault. Below `NOT_A_DAY`. */
const WRONG_TYPE_DAY = -0x80000000;

/** A date field as a day number: `NO_DAY` for an allowed null, `NOT_A_DAY` for a string that is no date, else `WRONG_TYPE_DAY`. */
function dayOf(v: unknown, nullable: boolean): number {
  if (typeof v === 'string') return calendarDay(v);
  return v === null && nullable ? NO_DAY : WRONG_TYPE_DAY;
}

/**
 * What the check of a valid assignment read, as numbers: its six dates (`due`, `issuedAt`, `claimedAt`,
 * `reportedAt`, `evaluatedAt`, `exemptAt`; `NO_DAY` for null) and its progress (`events` of them). Overwritten by
 * the next record: a sink copies what it keeps.
 */
export interface AssignmentDays {
  dates: Int32Array;
  progressDay: Int32Array;
  progressValue: Float64Array;
  events: number;
}

/** Receives each valid assignment, in payload order, with its indicator's position in the valid methodology. */
export interface AssignmentSink {
  add(a: Assignment, indicator: number, days: AssignmentDays): void;
}

/** One scratch for every check (validation never runs inside itself); the progress arrays grow to the longest record. */
const scratch: AssignmentDays = {
  dates: new Int32Array(6),
  progressDay: new Int32Array(16),
  progressValue: new Float64Array(16),
  events: 0,
};

/** Rule (1) for an assignment: its own fields, progress included. Fills `scratch` as it reads. */
function assignmentFieldFault(a: unknown): Fault | null {
  if (
    !isDict(a) ||
    typeof a.orgId !== 'string' ||
    typeof a.indicatorId !== 'string' ||
    !isFiniteNumber(a.target) ||
    !Array.isArray(a.progress)
  )
    return shapeFault(assignmentSchema, a);
  // read field by field (not by a computed key): this runs ~1.5 M times for a province
  const dates = scratch.dates;
  const lowest = Math.min(
    (dates[0] = dayOf(a.due, false)),
    (dates[1] = dayOf(a.issuedAt, false)),
    (dates[2] = dayOf(a.claimedAt, true)),
    (dates[3] = dayOf(a.reportedAt, true)),
    (dates[4] = dayOf(a.evaluatedAt, true)),
    (dates[5] = dayOf(a.exemptAt, true)),
  );
  if (lowest === WRONG_TYPE_DAY) return shapeFault(assignmentSchema, a);
  if (lowest === NOT_A_DAY) {
    for (const field of ASSIGNMENT_DATES) if (dayOf(a[field], true) === NOT_A_DAY) return invalidDate(field, a[field]);
  }
  const progress = a.progress as unknown[];
  if (progress.length > scratch.progressDay.length) {
    scratch.progressDay = new Int32Array(2 * progress.length);
    scratch.progressValue = new Float64Array(2 * progress.length);
  }
  const progressDay = scratch.progressDay;
  const progressValue = scratch.progressValue;
  // valid dates compare as day numbers as they do as text
  let previous = NOT_A_DAY;
  for (let k = 0; k < progress.length; k++) {
    const ev = progress[k];
    if (!isDict(ev) || typeof ev.date !== 'string' || !isFiniteNumber(ev.value)) return shapeFault(assignmentSchema, a);
    const day = calendarDay(ev.date);
    if (day === NOT_A_DAY) return fault('invalidDate', `.progress[${k}].date`, `progress[${k}].date = ${ev.date}`);
    if (ev.value < 0) return fault('negativeProgress', `.progress[${k}].value`, `progress[${k}].value = ${ev.value}`);
    if (day < previous) return fault('unsortedProgress', `.progress[${k}].date`, `progress[${k}].date = ${ev.date}`);
    previous = day;
    progressDay[k] = day;
    progressValue[k] = ev.value;
  }
  scratch.events = progress.length;
  return null;
}

function assignmentHandle(a: unknown, i: number): string {
  if (!isDict(a)) return recordPath('assignments', i);
  const part = (v: unknown) => (typeof v === 'string' ? v : '?');
  return `${part(a.orgId)} · ${part(a.indicatorId)}`;
}

/** Keeps the valid records themselves: what `validateAssignments` returns. */
class RecordList implements AssignmentSink {
  readonly records: Assignment[] = [];
  add(a: Assignment): void {
    this.records.push(a);
  }
}

export function validateAssignments(
  methodology: Methodology,
  orgs: ValidOrgs,
  assignments: readonly unknown[],
  issues: DataQualityIssue[],
): Assignment[] {
  const list = new RecordList();
  scanAssignments(methodology, orgs, assignments, issues, list);
  return list.records;
}

/**
 * The assignment rules, record by record: a faulty record becomes an issue, a valid one goes to `sink` with its
 * dates already read as day numbers (so preparation can index it in the same pass, reading each record once).
 */
export function scanAssignments(
  methodology: Methodology,
  orgs: ValidOrgs,
  assignments: readonly unknown[],
  issues: DataQualityIssue[],
  sink: AssignmentSink,
): void {
  // duplicates are keyed by (kept org, indicator) position: one bit per pair is cheaper than a string key per
  // record. Only a kept org's records are ever kept, so only theirs can be duplicates.
  const indicators = methodology.indicators;
  const indicatorPosition = new Map(indicators.map((ind, k) => [ind.id, k]));
  const width = indicators.length;
  const seen = new Uint8Array(orgs.orgs.length * width);
  // a payload lists an org's assignments together: its two lookups by id once per run, not per record
  let lastOrg: string | undefined;
  let lastKnown = false;
  let lastKept: number | undefined;
  // and an org's assignments often follow the methodology's order: one lookup per change of indicator
  let lastIndicator: string | undefined;
  let lastK: number | undefined;
  for (let i = 0; i < assignments.length; i++) {
    const raw = assignments[i];
    let f = assignmentFieldFault(raw);
    let k = -1;
    if (!f) {
      const a = raw as Assignment;
      if (a.orgId !== lastOrg) {
        lastOrg = a.orgId;
        lastKnown = orgs.payloadIds.has(a.orgId);
        lastKept = orgs.keptIndex.get(a.orgId);
      }
      if (a.indicatorId !== lastIndicator) {
        lastIndicator = a.indicatorId;
        lastK = indicatorPosition.get(a.indicatorId);
      }
      if (!lastKnown) f = fault('unknownOrg', '', a.orgId);
      else if (lastK === undefined) f = fault('unknownIndicator', '', a.indicatorId);
      else {
        k = lastK;
        const scoring = indicators[k].scoring;
        if (scoring === 'ratio' && !(a.target > 0)) f = fault('ratioTarget', '.target', String(a.target));
        else if (scoring === 'inverse' && !(a.target >= 0)) f = fault('inverseTarget', '.target', String(a.target));
        else if (lastKept === undefined) f = fault('underExcludedOrg', '', a.orgId);
        else if (seen[lastKept * width + k]) f = fault('duplicateAssignment', '', a.indicatorId);
        else seen[lastKept * width + k] = 1;
      }
    }
    if (f) {
      issues.push({
        resource: 'assignments',
        path: `${recordPath('assignments', i)}${f.field}`,
        record: assignmentHandle(raw, i),
        rule: f.rule,
        detail: f.detail,
      });
      continue;
    }
    sink.add(raw as Assignment, k, scratch);
  }
}

// ─── demands (methodology §12) ───────────────────────────────────────────────

const OUTCOMES: ReadonlySet<unknown> = new Set(['service', 'policy', 'declined']);

/** Rule (1) for a demand: its fields, then the order of its dates and its outcome (§12 bad records). */
function demandFieldFault(d: unknown): Fault | null {
  if (!isDict(d) || typeof d.id !== 'string' || typeof d.orgId !== 'string' || typeof d.topicId !== 'string' || typeof d.title !== 'string')
    return shapeFault(demandSchema, d);
  const dates = checkDate(d.reportedAt, false) | checkDate(d.triagedAt, true) | checkDate(d.resolvedAt, true);
  if (dates & DATE_WRONG_TYPE || !(d.outcome === null || typeof d.outcome === 'string')) return shapeFault(demandSchema, d);
  if (dates & DATE_NOT_A_DATE) {
    for (const field of ['reportedAt', 'triagedAt', 'resolvedAt'] as const)
      if (checkDate(d[field], true) !== DATE_OK) return invalidDate(field, d[field]);
  }
  if (d.outcome !== null && !OUTCOMES.has(d.outcome)) return fault('invalidOutcome', '.outcome', `outcome = ${String(d.outcome)}`);
  const q = d as Demand;
  if (q.triagedAt !== null && q.triagedAt < q.reportedAt)
    return fault('triagedBeforeReported', '.triagedAt', `triagedAt ${q.triagedAt} < reportedAt ${q.reportedAt}`);
  if (q.resolvedAt !== null && q.triagedAt === null)
    return fault('resolvedWithoutTriage', '.resolvedAt', `resolvedAt = ${q.resolvedAt}, triagedAt = null`);
  if (q.resolvedAt !== null && q.triagedAt !== null && q.resolvedAt < q.triagedAt)
    return fault('resolvedBeforeTriaged', '.resolvedAt', `resolvedAt ${q.resolvedAt} < triagedAt ${q.triagedAt}`);
  if (q.outcome !== null && q.resolvedAt === null)
    return fault('outcomeWithoutResolution', '.outcome', `outcome = ${q.outcome}, resolvedAt = null`);
  if (q.resolvedAt !== null && q.outcome === null)
    return fault('resolutionWithoutOutcome', '.outcome', `resolvedAt = ${q.resolvedAt}, outcome = null`);
  return null;
}

export function validateDemands(
  methodology: Methodology,
  orgs: ValidOrgs,
  demands: readonly unknown[],
  issues: DataQualityIssue[],
): Demand[] {
  const topicIds = new Set((methodology.demands?.topics ?? []).map((t) => t.id));
  const seen = new Set<string>();
  const valid: Demand[] = [];
  for (let i = 0; i < demands.length; i++) {
    const raw = demands[i];
    let f = demandFieldFault(raw);
    if (!f) {
      const q = raw as Demand;
      if (!orgs.payloadIds.has(q.orgId)) f = fault('unknownOrg', '', q.orgId);
      else if (!topicIds.has(q.topicId)) f = fault('unknownTopic', '', q.topicId);
      else if (seen.has(q.id)) f = fault('duplicateId', '', q.id);
      else if (!orgs.keptIndex.has(q.orgId)) f = fault('underExcludedOrg', '', q.orgId);
    }
    if (f) {
      issues.push({
        resource: 'demands',
        path: `${recordPath('demands', i)}${f.field}`,
        record: idOf(raw) ?? recordPath('demands', i),
        rule: f.rule,
        detail: f.detail,
      });
      continue;
    }
    const q = raw as Demand;
    seen.add(q.id);
    valid.push(q);
  }
  return valid;
}

// ─── the whole pipeline ──────────────────────────────────────────────────────

/**
 * Methodology first (indicators, topics), then the tree, then the records that
 * hang on both. Records arrive as fetched (`unknown`); typed ones are accepted too.
 * Throws a PayloadError only when no valid root organisation is left.
 */
export function validateDataset(
  meta: Meta,
  methodology: MethodologyPayload,
  orgs: readonly unknown[],
  assignments: readonly unknown[],
  demands?: readonly unknown[],
): ValidDataset {
  const valid = validateDatasetInto(meta, methodology, orgs, assignments, demands, () => new RecordList());
  const out: ValidDataset = {
    meta,
    methodology: valid.methodology,
    orgs: valid.orgs,
    assignments: valid.sink.records,
    issues: valid.issues,
  };
  if (valid.demands) out.demands = valid.demands;
  return out;
}

/** What `validateDatasetInto` returns: a ValidDataset whose valid assignments went to `sink`. */
export type ValidDatasetInto<S> = Omit<ValidDataset, 'assignments'> & { sink: S };

/**
 * `validateDataset`, with each valid assignment handed to a sink as it is checked instead of collected: the
 * sink is made once the methodology and the tree are valid (it may index by them), before the first assignment.
 * The rules, their order and the issues are validateDataset's: it is this with a sink that keeps the records.
 */
export function validateDatasetInto<S extends AssignmentSink>(
  meta: Meta,
  methodology: MethodologyPayload,
  orgs: readonly unknown[],
  assignments: readonly unknown[],
  demands: readonly unknown[] | undefined,
  makeSink: (methodology: Methodology, orgs: Org[], orgIndex: ReadonlyMap<string, number>) => S,
): ValidDatasetInto<S> {
  const issues: DataQualityIssue[] = [];
  const validMethodology = validateMethodology(methodology, issues);
  const validOrgs = validateOrgs(meta, orgs, issues);
  const sink = makeSink(validMethodology, validOrgs.orgs, validOrgs.keptIndex);
  scanAssignments(validMethodology, validOrgs, assignments, issues, sink);
  const out: ValidDatasetInto<S> = { meta, methodology: validMethodology, orgs: validOrgs.orgs, issues, sink };
  if (demands) out.demands = validateDemands(validMethodology, validOrgs, demands, issues);
  return out;
}
