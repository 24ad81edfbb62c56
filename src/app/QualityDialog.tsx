import { useEffect, useRef } from 'react';
import type { DataQualityIssue } from '../api/validate';
import { useI18n } from '../i18n';

/** The records excluded from computation: which record, which rule. */
export function QualityDialog({ issues, onClose }: { issues: DataQualityIssue[]; onClose: () => void }) {
  const { t } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
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
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="quality-title" onClick={(e) => e.stopPropagation()}>
        <header className="card-header">
          <h2 id="quality-title">{t('quality.title')} ({issues.length})</h2>
          <button ref={closeRef} type="button" className="tool" onClick={onClose}>{t('quality.close')}</button>
        </header>
        <p>{issues.length ? t('quality.intro') : t('header.qualityNone')}</p>
        {issues.length ? (
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
                {issues.map((i) => (
                  <tr key={i.path}>
                    <td>{i.resource}</td>
                    <td><code>{i.path}</code></td>
                    <td>{i.record}</td>
                    <td>{t(`rule.${i.rule}`)}</td>
                    <td><code>{i.detail}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  );
}
