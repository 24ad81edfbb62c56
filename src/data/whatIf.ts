/**
 * The what-if sandbox (issue 12): other category weights, α, child weighting
 * and grade bands, recomputed in the browser over the same prepared dataset.
 * The sandbox lives in the URL as one compact search parameter, e.g.
 *   ?whatif=a:0.6;c:members;w.A:0.5;g.5A:95
 * (`a` α, `c` equal|members, `w.<category id>` a weight, `g.<grade>` a band's
 * minimum), so a link reproduces it. It yields a separate result and read
 * model; the dashboard's official result is never replaced, so exports of
 * official figures (orgs CSV, provenance CSV) cannot carry simulated numbers.
 */
import type { GradeBand, Methodology } from '../api/schemas';
import { computeIndex, diffResults, withMethodology, type IndexResult, type MethodologyOverrides } from '../engine';
import type { Dashboard } from './dashboard';
import { parseGlobalSearch, type GlobalSearch } from './search';
import { ReadModel } from './model';

export interface WhatIfSearch extends GlobalSearch {
  whatif?: string;
}

export function parseWhatIfSearch(raw: Record<string, unknown>): WhatIfSearch {
  const w = raw.whatif;
  return { ...parseGlobalSearch(raw), whatif: typeof w === 'string' && w !== '' ? w : undefined };
}

/** The sandbox's settings in full (every category, every band), as the form edits them. */
export interface WhatIfSettings {
  categoryWeights: Record<string, number>;
  ownWeight: number;
  childWeighting: Methodology['rollup']['childWeighting'];
  /** Minimum per band name, in the methodology's band order. */
  gradeMins: Record<string, number>;
}

export function officialSettings(m: Methodology): WhatIfSettings {
  return {
    categoryWeights: Object.fromEntries(m.categories.map((c) => [c.id, c.weight])),
    ownWeight: m.rollup.ownWeight,
    childWeighting: m.rollup.childWeighting,
    gradeMins: Object.fromEntries(m.grades.map((g) => [g.grade, g.min])),
  };
}

const num = (text: string): number | undefined => {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
};

/**
 * The settings a `whatif` parameter asks for over the official methodology.
 * Never throws: unknown categories or bands, out-of-range values and junk are
 * dropped (the official value stays), as every search parser does.
 */
export function decodeWhatIf(text: string | undefined, m: Methodology): WhatIfSettings {
  const s = officialSettings(m);
  if (!text) return s;
  for (const part of text.split(';')) {
    const colon = part.lastIndexOf(':');
    if (colon < 0) continue;
    const key = part.slice(0, colon);
    const raw = part.slice(colon + 1);
    if (key === 'c') {
      if (raw === 'equal' || raw === 'members') s.childWeighting = raw;
      continue;
    }
    const v = num(raw);
    if (v === undefined) continue;
    if (key === 'a') {
      if (v >= 0 && v <= 1) s.ownWeight = v;
    } else if (key.startsWith('w.')) {
      const id = key.slice(2);
      if (id in s.categoryWeights && v > 0) s.categoryWeights[id] = v;
    } else if (key.startsWith('g.')) {
      const grade = key.slice(2);
      if (grade in s.gradeMins && v >= 0 && v <= 100) s.gradeMins[grade] = v;
    }
  }
  return s;
}

/** The compact parameter for some settings: only what differs from the official methodology (undefined when nothing does). */
export function encodeWhatIf(s: WhatIfSettings, m: Methodology): string | undefined {
  const o = officialSettings(m);
  const parts: string[] = [];
  if (s.ownWeight !== o.ownWeight) parts.push(`a:${s.ownWeight}`);
  if (s.childWeighting !== o.childWeighting) parts.push(`c:${s.childWeighting}`);
  for (const c of m.categories) if (s.categoryWeights[c.id] !== o.categoryWeights[c.id]) parts.push(`w.${c.id}:${s.categoryWeights[c.id]}`);
  for (const g of m.grades) if (s.gradeMins[g.grade] !== o.gradeMins[g.grade]) parts.push(`g.${g.grade}:${s.gradeMins[g.grade]}`);
  return parts.length ? parts.join(';') : undefined;
}

export function overridesOf(s: WhatIfSettings, m: Methodology): MethodologyOverrides {
  const grades: GradeBand[] = m.grades.map((g) => ({ grade: g.grade, min: s.gradeMins[g.grade] ?? g.min }));
  return { categoryWeights: s.categoryWeights, ownWeight: s.ownWeight, childWeighting: s.childWeighting, grades };
}

export interface WhatIfChange {
  id: string;
  name: string;
  tier: string;
  indexBefore?: number;
  indexAfter?: number;
  gradeBefore?: string;
  gradeAfter?: string;
  rankBefore?: number;
  rankAfter?: number;
}

export interface WhatIfOutcome {
  /** The simulated result's read model (what-if figures only: never the official ones). */
  model: ReadModel;
  /** Organisations whose grade or rank in tier changes: grade changes first, then by the size of the index move. */
  changes: WhatIfChange[];
  gradeChanges: number;
  rankChanges: number;
}

/** Recompute the dashboard's dataset at its date under the sandbox's settings. */
export function simulate(d: Dashboard, s: WhatIfSettings): WhatIfOutcome {
  const { ds, result, asOf } = d;
  const sim: IndexResult = computeIndex(withMethodology(ds, overridesOf(s, d.methodology)), asOf);
  const changes = diffResults(result, sim).map((c): WhatIfChange => ({
    id: ds.orgs[c.position].id,
    name: ds.orgs[c.position].name,
    tier: ds.orgs[c.position].tier,
    indexBefore: c.indexBefore,
    indexAfter: c.indexAfter,
    gradeBefore: c.gradeBefore,
    gradeAfter: c.gradeAfter,
    rankBefore: c.rankBefore,
    rankAfter: c.rankAfter,
  }));
  // grade changes first (what a leader reads), then the largest index moves
  const regraded = (c: WhatIfChange) => (c.gradeBefore !== c.gradeAfter ? 1 : 0);
  const move = (c: WhatIfChange) => Math.abs((c.indexAfter ?? 0) - (c.indexBefore ?? 0));
  changes.sort((a, b) => regraded(b) - regraded(a) || move(b) - move(a));
  return {
    model: new ReadModel(ds, sim),
    changes,
    gradeChanges: changes.filter((c) => c.gradeBefore !== c.gradeAfter).length,
    rankChanges: changes.filter((c) => c.rankBefore !== c.rankAfter).length,
  };
}
