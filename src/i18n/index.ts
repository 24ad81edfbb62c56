import { useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { LocalizedName } from '../api/schemas';
import { fmtNumber } from '../lib/format';
import { messages, type Lang, type MessageKey } from './messages';

export type { Lang, MessageKey };
export { messages };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = messages[lang];
  return (key, vars) => {
    const text = Object.hasOwn(dict, key) ? dict[key] : key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m)) : text;
  };
}

export interface I18n {
  lang: Lang;
  t: Translate;
  /** A name served by the API in both languages. */
  local: (name: LocalizedName) => string;
  /** One decimal, or an em dash for "no data". */
  score: (v: number | undefined) => string;
  num: (v: number) => string;
  /** An indicator's unit: the API serves it in Chinese; known units are translated, others shown as served. */
  unit: (unit: string, count?: number) => string;
  /** An organisation's kind: free text from the API; known kinds are translated, others shown as served. */
  kind: (kind: string) => string;
}

const KINDS: Record<string, { zh: string; en: string }> = {
  street: { zh: '街道', en: 'street' },
  town: { zh: '镇', en: 'town' },
  township: { zh: '乡', en: 'township' },
  system: { zh: '系统工会', en: 'sector union' },
  enterprise: { zh: '企业', en: 'enterprise' },
  institution: { zh: '机关事业单位', en: 'public institution' },
  community: { zh: '社区/村', en: 'community' },
  joint: { zh: '联合工会', en: 'joint union' },
};

/** English units, singular and plural ("1 event", "3 events"); the listing (no count) uses the plural. */
const UNITS_EN: Record<string, [string, string]> = {
  人: ['person', 'persons'],
  人次: ['visit', 'visits'],
  分: ['point', 'points'],
  起: ['case', 'cases'],
  场: ['event', 'events'],
  个: ['site', 'sites'],
  次: ['time', 'times'],
  家: ['unit', 'units'],
  元: ['yuan', 'yuan'],
  万元: ['10k yuan', '10k yuan'],
};

export function i18nFor(lang: Lang): I18n {
  return {
    lang,
    t: translator(lang),
    local: (name) => name[lang] || name.zh,
    score: (v) => (v === undefined ? '—' : v.toFixed(1)),
    num: (v) => fmtNumber(v, lang),
    // units and kinds are data: an own-property test, so "__proto__" or "toString" prints as itself
    unit: (u, count) => (lang === 'en' && Object.hasOwn(UNITS_EN, u) ? UNITS_EN[u][count === 1 ? 0 : 1] : u),
    kind: (k) => (Object.hasOwn(KINDS, k) ? KINDS[k][lang] : k),
  };
}

/** The language is part of the URL (`?lang=en`), so a link reproduces it. */
export function useI18n(): I18n {
  const lang = useSearch({ strict: false, select: (s: { lang?: Lang }) => s.lang ?? 'zh' });
  return useMemo(() => i18nFor(lang), [lang]);
}
