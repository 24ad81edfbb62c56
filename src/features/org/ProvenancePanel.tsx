/**
 * Where the organisation's index comes from (issue 12), level by level: index
 * → own and sub mixed by α → categories → indicators (with their scoring rule
 * in words) → each assignment's workflow dates and progress; sub → children.
 * Every table ends in a total row equal to the figure of the level above.
 * Official figures only (the what-if sandbox never reaches this panel).
 */
import { useMemo } from 'react';
import type { Dashboard } from '../../data/dashboard';
import { orgProvenance, provenanceCsv, type AssignmentTrail, type CategoryTrail, type OrgProvenance } from '../../data/provenance';
import type { I18n } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { OrgLink } from '../../ui/OrgLink';
import { ScrollBox } from './ScrollBox';
import './analyst.css';

/** Points with 2 decimals: the level above is shown to 2 decimals too, so sums check by eye. */
const pts = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(2));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function ProvenancePanel({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t } = i18n;
  const p = useMemo(() => orgProvenance(d, id), [d, id]);
  const exportCsv = () => {
    const csv = provenanceCsv(d, id);
    downloadText(csv.filename, toCsv(csv.header, csv.rows));
  };
  return (
    <section className="card analyst-card" aria-labelledby="prov-title" data-testid="provenance">
      <header className="card-header">
        <h2 id="prov-title">{t('prov.title')}</h2>
        <button type="button" className="no-print" onClick={exportCsv}>
          {t('prov.csv')}
        </button>
      </header>
      <p className="muted analyst-note">{t('prov.intro')}</p>
      {p.index === undefined ? <p className="empty-state">{t('prov.noIndex')}</p> : <IndexLevel p={p} i18n={i18n} />}
      {p.own !== undefined ? <OwnLevel p={p} i18n={i18n} /> : null}
      {p.sub !== undefined ? <SubLevel p={p} i18n={i18n} /> : null}
    </section>
  );
}

function IndexLevel({ p, i18n }: { p: OrgProvenance; i18n: I18n }) {
  const { t } = i18n;
  return (
    <div>
      <ScrollBox label={t('prov.index')}>
        <table className="data-table dense prov-table" data-testid="prov-index">
          <caption className="prov-caption">{`${t('prov.index')} = α × ${t('col.own')} + (1 − α) × ${t('col.sub')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prov.part')}</th>
              <th scope="col" className="align-right">
                {t('prov.value')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.share')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.own !== undefined ? (
              <tr>
                <th scope="row">{t('prov.ownLine', { alpha: p.alpha })}</th>
                <td className="align-right">{pts(p.own)}</td>
                <td className="align-right">{pct(p.ownShare)}</td>
                <td className="align-right">{pts(p.ownShare * p.own)}</td>
              </tr>
            ) : null}
            {p.sub !== undefined ? (
              <tr>
                <th scope="row">{t('prov.subLine')}</th>
                <td className="align-right">{pts(p.sub)}</td>
                <td className="align-right">{pct(p.subShare)}</td>
                <td className="align-right">{pts(p.subShare * p.sub)}</td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('prov.index')}</th>
              <td />
              <td className="align-right">{pct(p.ownShare + p.subShare)}</td>
              <td className="align-right" data-testid="prov-index-total">
                {pts(p.index)}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      {p.own === undefined ? (
        <p className="muted analyst-note">{t('prov.onlySub')}</p>
      ) : p.sub === undefined ? (
        <p className="muted analyst-note">{t('prov.onlyOwn')}</p>
      ) : null}
    </div>
  );
}

function OwnLevel({ p, i18n }: { p: OrgProvenance; i18n: I18n }) {
  const { t, local } = i18n;
  const sumShare = p.categories.reduce((s, c) => s + c.weightShare, 0);
  return (
    <div className="prov-level">
      <h3>{t('prov.ownTitle')}</h3>
      <ScrollBox label={t('prov.ownTitle')}>
        <table className="data-table dense prov-table" data-testid="prov-own">
          <caption className="visually-hidden">{t('prov.ownTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.category')}</th>
              <th scope="col" className="align-right">
                {t('col.weight')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.weightShare')}
              </th>
              <th scope="col" className="align-right">
                {t('col.score')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.categories.map((c) => (
              <tr key={c.category.id}>
                <th scope="row">{local(c.category.name)}</th>
                <td className="align-right">{c.weight}</td>
                <td className="align-right">{pct(c.weightShare)}</td>
                <td className="align-right">{pts(c.score)}</td>
                <td className="align-right">{pts(c.contribution)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('col.own')}</th>
              <td />
              <td className="align-right">{pct(sumShare)}</td>
              <td />
              <td className="align-right" data-testid="prov-own-total">
                {pts(p.own)}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      {p.categories.map((c) => (
        <CategoryLevel key={c.category.id} c={c} i18n={i18n} />
      ))}
    </div>
  );
}

function ruleText(a: AssignmentTrail, { t }: I18n): string {
  return a.scoring === 'inverse' ? t('scoringRule.inverse', { penalty: a.indicator.penalty ?? 0 }) : t(`scoringRule.${a.scoring}`);
}

function CategoryLevel({ c, i18n }: { c: CategoryTrail; i18n: I18n }) {
  const { t, local } = i18n;
  const title = t('prov.categoryTitle', { category: local(c.category.name) });
  const sumShare = c.assignments.reduce((s, a) => s + a.weightShare, 0);
  return (
    <details className="prov-details">
      <summary>
        {title}: {pts(c.score)}
      </summary>
      <ScrollBox label={title}>
        <table className="data-table dense prov-table" data-testid={`prov-category-${c.category.id}`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.indicator')}</th>
              <th scope="col">{t('prov.rule')}</th>
              <th scope="col" className="align-right">
                {t('col.weight')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.weightShare')}
              </th>
              <th scope="col" className="align-right">
                {t('col.target')}
              </th>
              <th scope="col" className="align-right">
                {t('col.actual')}
              </th>
              <th scope="col" className="align-right">
                {t('col.score')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.toCategory')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.toOwn')}
              </th>
              <th scope="col">{t('prov.trail')}</th>
            </tr>
          </thead>
          <tbody>
            {c.assignments.map((a) => (
              <tr key={a.indicator.id}>
                <th scope="row">
                  <span title={a.indicator.id}>{local(a.indicator.name)}</span>
                </th>
                <td className="prov-rule">{ruleText(a, i18n)}</td>
                <td className="align-right">{a.weight}</td>
                <td className="align-right">{pct(a.weightShare)}</td>
                <td className="align-right">{i18n.num(a.target)}</td>
                <td className="align-right">{i18n.num(a.actual)}</td>
                <td className="align-right">{pts(a.score)}</td>
                <td className="align-right">{pts(a.weightShare * a.score)}</td>
                <td className="align-right">{pts(a.contribution)}</td>
                <td>
                  <Trail a={a} i18n={i18n} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('prov.total')}</th>
              <td />
              <td />
              <td className="align-right">{pct(sumShare)}</td>
              <td />
              <td />
              <td />
              <td className="align-right">{pts(c.score)}</td>
              <td className="align-right">{pts(c.contribution)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
    </details>
  );
}

function Trail({ a, i18n }: { a: AssignmentTrail; i18n: I18n }) {
  const { t } = i18n;
  const w = a.workflow;
  const steps: [string, string | null][] = [
    [t('prov.issued'), w.issuedAt],
    [t('prov.claimed'), w.claimedAt],
    [t('prov.reported'), w.reportedAt],
    [t('prov.evaluated'), w.evaluatedAt],
    [t('prov.exempt'), w.exemptAt],
    [t('prov.due'), w.due],
  ];
  return (
    <details className="prov-trail">
      <summary>{t('prov.trail')}</summary>
      <ul className="prov-steps">
        {steps
          .filter(([, date]) => date !== null)
          .map(([label, date]) => (
            <li key={label}>
              {label} {date}
            </li>
          ))}
      </ul>
      {a.progress.length ? (
        <ol className="prov-progress">
          {a.progress.map((e) => (
            <li key={e.date}>
              {e.date}: {i18n.num(e.value)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('prov.noProgress')}</p>
      )}
    </details>
  );
}

function SubLevel({ p, i18n }: { p: OrgProvenance; i18n: I18n }) {
  const { t } = i18n;
  const title = t('prov.subTitle', { weighting: t(p.childWeighting === 'members' && !p.membersFallback ? 'prov.members' : 'prov.equal') });
  const sumShare = p.children.reduce((s, c) => s + c.weightShare, 0);
  return (
    <div className="prov-level">
      <h3>{title}</h3>
      {p.membersFallback ? <p className="muted analyst-note">{t('prov.membersFallback')}</p> : null}
      <ScrollBox label={title} className="prov-scroll">
        <table className="data-table dense prov-table" data-testid="prov-sub">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.name')}</th>
              <th scope="col" className="align-right">
                {t('col.weight')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.weightShare')}
              </th>
              <th scope="col" className="align-right">
                {t('col.index')}
              </th>
              <th scope="col" className="align-right">
                {t('prov.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.children.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <OrgLink id={c.id}>{c.name}</OrgLink>
                </th>
                <td className="align-right">{i18n.num(c.weight)}</td>
                <td className="align-right">{pct(c.weightShare)}</td>
                <td className="align-right">{pts(c.index)}</td>
                <td className="align-right">{pts(c.contribution)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('col.sub')}</th>
              <td />
              <td className="align-right">{pct(sumShare)}</td>
              <td />
              <td className="align-right" data-testid="prov-sub-total">
                {pts(p.sub)}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
    </div>
  );
}
