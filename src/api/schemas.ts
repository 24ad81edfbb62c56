/**
 * The JSON API contract (v1) as zod schemas. Types are inferred from these,
 * never written twice. These schemas check *shape*; the rules that exclude a
 * single record (unknown ids, cycles, bad targets…) live in `validate.ts`, so a
 * bad record never costs the rest of the payload.
 */
// zod/mini: the same schemas and messages at a fraction of the bundle (the first screen waits for it)
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { isCalendarDate } from '../lib/calendar';

// jitless: zod's fast path compiles with new Function, which the Content-Security-Policy forbids
z.config({ ...en(), jitless: true });

/**
 * A calendar date `YYYY-MM-DD`. The shape check is a regex (fast on ~30k
 * records); a date that does not exist (2025-02-30) is a record-level fault,
 * found by `validate.ts`, so it costs one record, not the payload.
 */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const isoDate = z.string().check(z.regex(DATE_PATTERN, 'expected a date YYYY-MM-DD'));

/** zod 4 numbers are finite: Infinity and NaN fail the shape check. */
const finite = z.number();

export const localizedName = z.object({ zh: z.string(), en: z.string() });

export const metaSchema = z
  .object({
    district: z.object({ id: z.string(), name: z.string() }),
    tiers: z.array(z.object({ id: z.string(), name: localizedName })).check(z.minLength(1)),
    years: z.array(z.int()).check(z.minLength(1)),
    defaultYear: z.int(),
    asOf: isoDate,
    generatedAt: z.string(),
    /** v1.1: the session sees this organisation's subtree only (it is the root of /v1/orgs). */
    scope: z.optional(z.object({ orgId: z.string() })),
  })
  .check((ctx) => {
    // a default year the backend does not serve would request a year that does not exist
    const { years, defaultYear, asOf } = ctx.value;
    if (Array.isArray(years) && Number.isInteger(defaultYear) && !years.includes(defaultYear)) {
      ctx.issues.push({
        code: 'custom',
        message: `expected one of years (${years.join(', ')}), received ${defaultYear}`,
        input: defaultYear,
        path: ['defaultYear'],
      });
    }
    // the date every view starts from: one that does not exist (2025-02-30) would be read as March 2
    if (typeof asOf === 'string' && DATE_PATTERN.test(asOf) && !isCalendarDate(asOf))
      ctx.issues.push({ code: 'custom', message: `expected a date that exists, received ${asOf}`, input: asOf, path: ['asOf'] });
  });

export const scoringSchema = z.enum(['ratio', 'binary', 'rating', 'inverse']);

export const categorySchema = z.object({ id: z.string(), name: localizedName, weight: finite });

export const indicatorSchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  name: localizedName,
  unit: z.string(),
  scoring: scoringSchema,
  penalty: z.optional(finite),
  weight: finite,
  tiers: z.array(z.string()),
});

export const gradeBandSchema = z.object({ grade: z.string(), min: finite });

export const demandTopicSchema = z.object({ id: z.string(), name: localizedName });

export const methodologySchema = z.object({
  year: z.int(),
  categories: z.array(categorySchema),
  indicators: z.array(indicatorSchema),
  grades: z.array(gradeBandSchema),
  rollup: z.object({
    ownWeight: z.number().check(z.gte(0), z.lte(1)),
    childWeighting: z.enum(['equal', 'members']),
  }),
  alerts: z.object({
    remindDays: finite,
    superviseDays: finite,
    interviewDays: finite,
    pace: z.object({ remind: finite, warn: finite, supervise: finite }),
  }),
  /** v1.1 (methodology §12): absent on a backend without demands. */
  demands: z.optional(
    z.object({
      topics: z.array(demandTopicSchema),
      triageDays: finite,
      resolveDays: finite,
    }),
  ),
});

/**
 * The methodology as fetched: its top-level fields are checked whole (a bad
 * `rollup.ownWeight` fails the payload), its lists entry by entry in
 * `validate.ts` (a bad indicator costs that indicator only).
 */
export const methodologyPayloadSchema = z.object({
  ...methodologySchema.def.shape,
  categories: z.array(z.unknown()),
  indicators: z.array(z.unknown()),
  grades: z.array(z.unknown()),
  demands: z.optional(z.object({ topics: z.array(z.unknown()), triageDays: finite, resolveDays: finite })),
});

export const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.string(),
  parentId: z.nullable(z.string()),
  members: z.number().check(z.gte(0)),
  kind: z.optional(z.string()),
});

export const progressEventSchema = z.object({ date: isoDate, value: finite });

export const assignmentSchema = z.object({
  orgId: z.string(),
  indicatorId: z.string(),
  target: finite,
  due: isoDate,
  issuedAt: isoDate,
  claimedAt: z.nullable(isoDate),
  reportedAt: z.nullable(isoDate),
  evaluatedAt: z.nullable(isoDate),
  exemptAt: z.nullable(isoDate),
  progress: z.array(progressEventSchema),
});

/** v1.1 (methodology §12): a need reported upward (需求上报) and what became of it. */
export const demandOutcomeSchema = z.enum(['service', 'policy', 'declined']);
export const demandSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  topicId: z.string(),
  title: z.string(),
  reportedAt: isoDate,
  triagedAt: z.nullable(isoDate),
  resolvedAt: z.nullable(isoDate),
  outcome: z.nullable(demandOutcomeSchema),
});

export const orgsSchema = z.array(orgSchema);
export const assignmentsSchema = z.array(assignmentSchema);
/** A list resource as fetched: an array is required, its records are checked one by one (`validate.ts`). */
export const recordsSchema = z.array(z.unknown());

export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const appConfigSchema = z.object({
  apiBaseUrl: z.string(),
  mocks: z.boolean(),
});

export type Meta = z.infer<typeof metaSchema>;
export type Tier = Meta['tiers'][number];
export type LocalizedName = z.infer<typeof localizedName>;
export type Scoring = z.infer<typeof scoringSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type GradeBand = z.infer<typeof gradeBandSchema>;
export type Methodology = z.infer<typeof methodologySchema>;
export type MethodologyPayload = z.infer<typeof methodologyPayloadSchema>;
export type DemandTopic = z.infer<typeof demandTopicSchema>;
export type Org = z.infer<typeof orgSchema>;
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type DemandOutcome = z.infer<typeof demandOutcomeSchema>;
export type Demand = z.infer<typeof demandSchema>;
export type DemandConfig = NonNullable<Methodology['demands']>;
export type AppConfig = z.infer<typeof appConfigSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The resources of the contract, by the name used in messages and query keys. */
export type ResourceName = 'config' | 'meta' | 'methodology' | 'orgs' | 'assignments' | 'demands' | 'summary';
