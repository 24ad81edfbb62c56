/** A score or an em dash for "no data" (one decimal, as the methodology displays scores). */
export const fmtScore = (v: number | undefined | null): string => (v === undefined || v === null || Number.isNaN(v) ? '—' : v.toFixed(1));

/**
 * A number from the data (a target, an actual, a member count) as people read
 * it: grouped digits with at most two decimals, except where that would print
 * a wall of digits (1e308 has 309) or round a real value to 0 (1e-7): those
 * read in scientific notation with three significant digits.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
/** One formatter per language: tables format thousands of cells. */
function numberFormat(lang: 'zh' | 'en'): Intl.NumberFormat {
  let nf = numberFormats.get(lang);
  if (!nf) {
    nf = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });
    numberFormats.set(lang, nf);
  }
  return nf;
}

export function fmtNumber(v: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  if (abs >= 1e15 || (abs > 0 && abs < 1e-3)) return Number(v.toPrecision(3)).toExponential();
  return numberFormat(lang).format(v);
}

/**
 * Text from the data or a server, cut to `max` characters (a 200 KB error
 * message or a 100k-character name would otherwise fill the page). Cuts on a
 * code point, never inside a surrogate pair.
 */
export function truncateText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const head = Array.from(text.slice(0, max + 1))
    .slice(0, -1)
    .join('');
  return head + ellipsis;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar day as `fmtDateTime` writes its date: zh-CN "2025/6/30", en-GB "30/06/2025". */
function dayText(year: number, month: number, day: number, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${year}/${month}/${day}` : `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * A moment in local time as the reader's language writes it — exactly `Date#toLocaleString` for zh-CN
 * ("2025/6/30 10:00:00") and en-GB ("30/06/2025, 10:00:00") — without Intl: the first Intl date call loads the
 * locale's data (~25 ms on a desktop, 100 ms on a phone), which the header's first paint must not wait for.
 */
export function fmtDateTime(date: Date, lang: 'zh' | 'en'): string {
  return dateTimeText(fmtDate(date, lang), date.getHours(), date.getMinutes(), date.getSeconds(), lang);
}

function dateTimeText(day: string, hours: number, minutes: number, seconds: number, lang: 'zh' | 'en'): string {
  return `${day}${lang === 'zh' ? ' ' : ', '}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
}

/** The local day of a moment as `fmtDateTime` writes it (exactly `Date#toLocaleDateString` for zh-CN and en-GB). */
export function fmtDate(date: Date, lang: 'zh' | 'en'): string {
  return dayText(date.getFullYear(), date.getMonth() + 1, date.getDate(), lang);
}

/**
 * The data's clock: China Standard Time (UTC+8 all year, no daylight saving), where the platform and every
 * federation it serves are. A moment from the data reads the same on every device, as the platform wrote it, not
 * moved into whatever zone a browser (a CI machine, a laptop abroad) is set to.
 */
export const DATA_TIME_ZONE = 'Asia/Shanghai';
const DATA_UTC_OFFSET_MS = 8 * 3_600_000;
/** An ISO date-time that says its zone (`Z` or ±hh:mm); one without is read as the data's clock already. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A moment from the data on the data's clock: a date whose UTC fields are that wall clock; undefined if malformed. */
function dataClock(iso: string): Date | undefined {
  const zoned = HAS_ZONE.test(iso);
  const ms = Date.parse(zoned ? iso : `${iso}Z`) + (zoned ? DATA_UTC_OFFSET_MS : 0);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * A moment from the data (meta's `generatedAt`) as `fmtDateTime` writes it, on the data's clock
 * (`DATA_TIME_ZONE`); a malformed value is shown as it came.
 */
export function fmtInstant(iso: string, lang: 'zh' | 'en'): string {
  const c = dataClock(iso);
  if (!c) return iso;
  const day = dayText(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), lang);
  return dateTimeText(day, c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds(), lang);
}

/**
 * The same moment short, day and minute (the wall's header): zh-CN "06/30 18:05", en-GB "30/06, 18:05", as Intl
 * writes month, day, hour and minute for those locales.
 */
export function fmtInstantShort(iso: string, lang: 'zh' | 'en'): string {
  const c = dataClock(iso);
  if (!c) return iso;
  const [month, day] = [pad2(c.getUTCMonth() + 1), pad2(c.getUTCDate())];
  const time = `${pad2(c.getUTCHours())}:${pad2(c.getUTCMinutes())}`;
  return lang === 'zh' ? `${month}/${day} ${time}` : `${day}/${month}, ${time}`;
}

/**
 * A day from the data ("YYYY-MM-DD": an as-of date, a due date) as `fmtDate` writes it. Read from the text, not
 * through `Date`, which would take it as UTC midnight and show the day before west of Greenwich. Anything else
 * (a malformed value) is shown as it came.
 */
export function fmtIsoDate(iso: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayText(Number(m[1]), Number(m[2]), Number(m[3]), lang) : iso;
}
