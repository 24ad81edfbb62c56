/**
 * Search parameters: the URL is the source of truth for what a person is
 * looking at. Parsers never throw: a junk value is dropped, not an error page.
 */
import { ALERT_LEVELS, ESCALATION, type AlertLevel, type EscalationLevel } from '../engine';
import type { Lang } from '../i18n';
import { isCalendarDate } from '../lib/calendar';

export { isCalendarDate };

export interface GlobalSearch {
  year?: number;
  asOf?: string;
  lang?: Lang;
  /** Methodology §13: a year to compare with (an earlier year of `meta.years`; the data layer drops any other). */
  compare?: number;
}

type Raw = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const int = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
};
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (values.includes(v as T) ? (v as T) : undefined);

export function parseGlobalSearch(raw: Raw): GlobalSearch {
  const asOf = str(raw.asOf);
  return {
    year: int(raw.year),
    asOf: asOf && isCalendarDate(asOf) ? asOf : undefined,
    lang: oneOf(['zh', 'en'] as const, raw.lang),
    compare: int(raw.compare),
  };
}

export type SortDir = 'asc' | 'desc';

export interface OverviewSearch extends GlobalSearch {
  /** A level-1 group drawn against the root on the radar and the trend. */
  vs?: string;
}

export function parseOverviewSearch(raw: Raw): OverviewSearch {
  return { ...parseGlobalSearch(raw), vs: str(raw.vs) };
}

export interface AlertsSearch extends GlobalSearch {
  level?: EscalationLevel;
  town?: string;
  category?: string;
  indicator?: string;
  /** Free text matched against the organisation's name or id and the indicator's name. */
  q?: string;
  sort?: string;
  dir?: SortDir;
}

export function parseAlertsSearch(raw: Raw): AlertsSearch {
  return {
    ...parseGlobalSearch(raw),
    level: oneOf(ESCALATION, raw.level),
    town: str(raw.town),
    category: str(raw.category),
    indicator: str(raw.indicator),
    q: str(raw.q),
    sort: str(raw.sort),
    dir: oneOf(['asc', 'desc'] as const, raw.dir),
  };
}

export interface OrgsSearch extends GlobalSearch {
  tier?: string;
  parent?: string;
  grade?: string;
  alert?: AlertLevel;
  q?: string;
  sort?: string;
  dir?: SortDir;
  page?: number;
}

export function parseOrgsSearch(raw: Raw): OrgsSearch {
  const page = int(raw.page);
  return {
    ...parseGlobalSearch(raw),
    tier: str(raw.tier),
    parent: str(raw.parent),
    grade: str(raw.grade),
    alert: oneOf(ALERT_LEVELS, raw.alert),
    q: str(raw.q),
    sort: str(raw.sort),
    dir: oneOf(['asc', 'desc'] as const, raw.dir),
    page: page !== undefined && page > 1 ? page : undefined,
  };
}

export interface OrgSearch extends GlobalSearch {
  sort?: string;
  dir?: SortDir;
}

export function parseOrgSearch(raw: Raw): OrgSearch {
  return { ...parseGlobalSearch(raw), sort: str(raw.sort), dir: oneOf(['asc', 'desc'] as const, raw.dir) };
}
