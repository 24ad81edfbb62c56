/**
 * Extension `GET /v1/summary?year=&asOf=` (docs/api.md): what the overview's first screen shows, computed by the
 * server with the same engine as the browser — so a phone paints the district before the raw year arrives.
 * A backend without it answers 404 and the app loads the raw year as before.
 */
import * as z from 'zod/mini';
import { getJson } from './client';
import { resourceUrl } from './config';
import { isoDate, localizedName } from './schemas';

const count = z.int();
const score = z.nullable(z.number());
const levelTally = z.object({ none: count, remind: count, warn: count, supervise: count, interview: count });
const stageTally = z.object({ issued: count, claimed: count, reported: count, evaluated: count, exempt: count });

export const summaryOrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.string(),
  parentId: z.nullable(z.string()),
  members: z.number(),
  index: score,
  own: score,
  sub: score,
  grade: z.nullable(z.string()),
  /** 0 = best band; -1 ungraded or no index. */
  gradeIndex: z.int(),
  rankInTier: z.nullable(count),
  rankAmongSiblings: z.nullable(count),
  /** Category scores in methodology order. */
  categories: z.array(score),
  ownAlert: z.enum(['none', 'remind', 'warn', 'supervise', 'interview']),
  /** Active assignments per alert level over the subtree. */
  alerts: levelTally,
  /** Organisations per own alert level over the subtree. */
  orgAlerts: levelTally,
  /** Assignments per workflow stage over the subtree. */
  stages: stageTally,
});

export const summarySchema = z.object({
  year: z.int(),
  asOf: isoDate,
  generatedAt: z.string(),
  /** The session's scope organisation (the root), or null for the whole district. */
  scope: z.nullable(z.string()),
  tiers: z.array(z.object({ id: z.string(), name: localizedName })),
  categories: z.array(z.object({ id: z.string(), name: localizedName })),
  gradeBands: z.array(z.object({ grade: z.string(), min: z.number() })),
  /** Organisations per tier (by position in `tiers`). */
  tierCounts: z.array(count),
  root: summaryOrgSchema,
  /** The root's children (towns and system unions in a district), in data order. */
  groups: z.array(summaryOrgSchema),
  /** The root's index at each month end up to the as-of date (methodology §9). */
  trend: z.object({ dates: z.array(isoDate), root: z.array(score) }),
  /** Grade counts of the leaf tier: best band first, ungraded last (grade null). */
  leafGrades: z.array(z.object({ grade: z.nullable(z.string()), gradeIndex: z.int(), count })),
  /** §12 over the root's subtree at the as-of date (reported, not resolved, past the resolution time); null without demands. */
  demands: z.optional(z.nullable(z.object({ reported: count, open: count, overdue: count }))),
  /** The most urgent alerts, most urgent first, at most two per indicator. */
  urgent: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      townId: z.nullable(z.string()),
      townName: z.nullable(z.string()),
      indicatorId: z.string(),
      indicatorName: localizedName,
      alert: z.enum(['remind', 'warn', 'supervise', 'interview']),
      overdueDays: z.int(),
      paceGap: z.nullable(z.number()),
    }),
  ),
});

export type Summary = z.infer<typeof summarySchema>;
export type SummaryOrg = z.infer<typeof summaryOrgSchema>;

export const fetchSummary = (apiBaseUrl: string, year: number, asOf: string, signal?: AbortSignal) =>
  getJson('summary', resourceUrl(apiBaseUrl, '/v1/summary', { year, asOf }), summarySchema, { signal });
