/**
 * A session scope's prepared year cut out of the unscoped one (the summary worker's fast path for a scope it did
 * not prepare at load): the subtree's organisations and their assignments copied from the unscoped typed arrays,
 * instead of parsing the subtree's records from bytes, validating and preparing them again — at province scale a
 * town's ~150,000 records took most of a second before the first computation.
 *
 * Only when the unscoped year had no data-quality issue at all. Then every record is valid, ids are unique and the
 * organisations form one tree, so validating the subtree's records (as the browser of that session does, with the
 * scope organisation as root) keeps every one of them and reports nothing; the organisations come out in the same
 * order (breadth-first from the root, children in payload order: restricted to a subtree, the unscoped order is
 * the subtree's own breadth-first order), and assignments and demands keep their payload order. With any issue the
 * worker validates the scope's own records instead (whether an issue reaches a scope — a duplicate across
 * subtrees, an excluded ancestor — is the validator's to decide, not this function's).
 *
 * Ranks are not copied: they are the computation's, run on the scope's dataset (ranks within the scope, contract
 * v1.1 "Scope of the session").
 */
import type { Org } from '../src/api/schemas';
import type { PreparedYear } from '../src/data/prepareYear';
import { assignmentArrays, type PreparedDataset } from '../src/engine';

/** The scope's PreparedYear, or undefined when the fast path does not apply (issues, or the scope not in the year). */
export function scopeYear(unscoped: PreparedYear, scopeId: string): PreparedYear | undefined {
  if (unscoped.issues.length > 0) return undefined;
  const ds = unscoped.ds;
  const rootAt = ds.orgIndex.get(scopeId);
  if (rootAt === undefined) return undefined;

  // the subtree's positions in the unscoped order (parents precede children), and where each one goes
  const n = ds.orgs.length;
  const to = new Int32Array(n).fill(-1);
  const from: number[] = [rootAt];
  to[rootAt] = 0;
  for (let i = rootAt + 1; i < n; i++) {
    const p = ds.parent[i];
    if (p >= 0 && to[p] >= 0) {
      to[i] = from.length;
      from.push(i);
    }
  }
  const k = from.length;
  const orgs: Org[] = new Array(k);
  const orgIndex = new Map<string, number>();
  const parent = new Int32Array(k);
  const tier = new Int32Array(k);
  const members = new Float64Array(k);
  const orgStart = new Int32Array(k + 1);
  let m = 0;
  let events = 0;
  for (let u = 0; u < k; u++) {
    const i = from[u];
    // the scope organisation is the root the session sees (data.ts `filtered`: parentId null)
    orgs[u] = u === 0 ? { ...ds.orgs[i], parentId: null } : ds.orgs[i];
    orgIndex.set(orgs[u].id, u);
    parent[u] = u === 0 ? -1 : to[ds.parent[i]];
    tier[u] = ds.tier[i];
    members[u] = ds.members[i];
    m += ds.orgStart[i + 1] - ds.orgStart[i];
    orgStart[u + 1] = m;
    events += ds.progressStart[ds.orgStart[i + 1]] - ds.progressStart[ds.orgStart[i]];
  }
  const children = from.map((i) => Int32Array.from(ds.children[i], (c) => to[c]));

  const arrays = assignmentArrays(m, events);
  const { aOrg, aIndicator, aTarget, aDue, aIssued, aClaimed, aReported, aEvaluated, aExempt, progressStart, progressDay, progressValue } =
    arrays;
  let e = 0;
  for (let u = 0; u < k; u++) {
    const i = from[u];
    const a0 = ds.orgStart[i];
    const a1 = ds.orgStart[i + 1];
    const at = orgStart[u];
    aOrg.fill(u, at, at + a1 - a0);
    aIndicator.set(ds.aIndicator.subarray(a0, a1), at);
    aTarget.set(ds.aTarget.subarray(a0, a1), at);
    aDue.set(ds.aDue.subarray(a0, a1), at);
    aIssued.set(ds.aIssued.subarray(a0, a1), at);
    aClaimed.set(ds.aClaimed.subarray(a0, a1), at);
    aReported.set(ds.aReported.subarray(a0, a1), at);
    aEvaluated.set(ds.aEvaluated.subarray(a0, a1), at);
    aExempt.set(ds.aExempt.subarray(a0, a1), at);
    const e0 = ds.progressStart[a0];
    const e1 = ds.progressStart[a1];
    for (let a = a0; a < a1; a++) progressStart[at + a - a0] = ds.progressStart[a] - e0 + e;
    progressDay.set(ds.progressDay.subarray(e0, e1), e);
    progressValue.set(ds.progressValue.subarray(e0, e1), e);
    e += e1 - e0;
  }
  progressStart[m] = e;

  const scoped: PreparedDataset = {
    ...ds,
    orgs,
    orgIndex,
    parent,
    tier,
    members,
    children,
    assignmentCount: m,
    orgStart,
    ...arrays,
  };
  const out: PreparedYear = { methodology: unscoped.methodology, issues: [], ds: scoped };
  if (unscoped.demands) out.demands = unscoped.demands.filter((d) => orgIndex.has(d.orgId));
  return out;
}
