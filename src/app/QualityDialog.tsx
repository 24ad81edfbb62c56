import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataQualityIssue } from '../api/validate';
import { messages, useI18n, type Lang, type MessageKey, type Translate } from '../i18n';

/** Records per page: a page renders in a few milliseconds however many records were excluded (28k in a bad year). */
export const QUALITY_PAGE_SIZE = 100;

/**
 * A rule's name in the reader's language. Rule names come from the validator,
 * which may know rules this build has no words for: those show as served,
 * never as a crash or an empty cell.
 */
export function ruleLabel(t: Translate, lang: Lang, rule: string): string {
  const key = `rule.${rule}`;
  return Object.hasOwn(messages[lang], key) ? t(key as MessageKey) : rule;
}

/** The field a record failed on, from its path: `assignments[12].progress[3].date` → `progress[3].date`. */
export function faultField(path: string): string | undefined {
  const m = /^[^[]*\[\d+\]\.?(.+)$/.exec(path);
  return m ? m[1] : undefined;
}

/** The records excluded from computation: a count per rule, then the records one page at a time. */
export function QualityDialog({ issues, onClose }: { issues: DataQualityIssue[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  const [rule, setRule] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);

  const byRule = useMemo(() => {
    const counts = new Map<string, number>();
    for (const i of issues) counts.set(i.rule, (counts.get(i.rule) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [issues]);
  const listed = useMemo(() => (rule === null ? issues : issues.filter((i) => i.rule === rule)), [issues, rule]);
  const pages = Math.max(1, Math.ceil(listed.length / QUALITY_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = listed.slice(current * QUALITY_PAGE_SIZE, (current + 1) * QUALITY_PAGE_SIZE);
  const choose = (r: string | null) => {
    setRule(r);
    setPage(0);
  };
  const describeRule = (i: DataQualityIssue) => {
    const label = ruleLabel(t, lang, i.rule);
    const field = (i.rule as string) === 'invalidField' ? faultField(i.path) : undefined;
    return field ? t('robust.qualityField', { rule: label, field }) : label;
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="quality-title" onClick={(e) => e.stopPropagation()}>
        <header className="card-header">
          <h2 id="quality-title">
            {t('quality.title')} ({issues.length})
          </h2>
          <button ref={closeRef} type="button" className="tool" onClick={onClose}>
            {t('quality.close')}
          </button>
        </header>
        <p>{issues.length ? t('quality.intro') : t('header.qualityNone')}</p>
        {issues.length ? (
          <>
            <ul className="quality-rules" aria-label={t('robust.qualityByRule')}>
              <li>
                <button type="button" className="tool" aria-pressed={rule === null} onClick={() => choose(null)}>
                  {t('robust.qualityAllRules')} ({issues.length})
                </button>
              </li>
              {byRule.map(([r, n]) => (
                <li key={r}>
                  <button type="button" className="tool" aria-pressed={rule === r} onClick={() => choose(r)}>
                    {ruleLabel(t, lang, r)} ({n})
                  </button>
                </li>
              ))}
            </ul>
            <div className="table-wrap dialog-table">
              <table className="data-table dense">
                <caption className="visually-hidden">{t('quality.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('quality.resource')}</th>
                    <th scope="col">{t('quality.path')}</th>
                    <th scope="col">{t('quality.record')}</th>
                    <th scope="col">{t('quality.rule')}</th>
                    <th scope="col">{t('quality.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((i, k) => (
                    // a path can repeat (two faults reported on one record): the position keeps keys unique
                    <tr key={`${current * QUALITY_PAGE_SIZE + k}:${i.path}`}>
                      <td>{i.resource}</td>
                      <td>
                        <code title={i.path.length > 40 ? i.path : undefined}>{i.path}</code>
                      </td>
                      <td title={i.record.length > 40 ? i.record : undefined}>{i.record}</td>
                      <td>{describeRule(i)}</td>
                      <td>
                        <code title={i.detail.length > 40 ? i.detail.slice(0, 2000) : undefined}>{i.detail.slice(0, 200)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pages > 1 ? (
              <div className="quality-pager">
                <button type="button" className="tool" disabled={current === 0} onClick={() => setPage(current - 1)}>
                  {t('table.prev')}
                </button>
                <span role="status">
                  {t('robust.qualityRows', {
                    from: current * QUALITY_PAGE_SIZE + 1,
                    to: current * QUALITY_PAGE_SIZE + rows.length,
                    n: listed.length,
                  })}
                </span>
                <button type="button" className="tool" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                  {t('table.next')}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
