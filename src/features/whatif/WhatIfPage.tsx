/**
 * The what-if sandbox (issue 12): other category weights, α, child weighting
 * and grade bands, recomputed in the browser; who changes grade and rank.
 * The settings are the URL's `whatif=` (shareable); Apply writes them there,
 * Reset removes them. Every simulated number is marked 模拟 / what-if; this
 * page has no export, and the official result is never replaced.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, type FormEvent, type ReactNode } from 'react';
import { useDashboard } from '../../data/dashboard';
import { decodeWhatIf, encodeWhatIf, simulate, type WhatIfChange, type WhatIfSettings } from '../../data/whatIf';
import { useI18n } from '../../i18n';
import { fmtScore } from '../../lib/format';
import { DataTable, type Column } from '../../ui/DataTable';
import { OrgLink } from '../../ui/OrgLink';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import './whatif.css';

export function WhatIfPage() {
  const d = useDashboard();
  const i18n = useI18n();
  const { t, local } = i18n;
  const param = useSearch({ strict: false, select: (s: { whatif?: string }) => s.whatif });
  const navigate = useNavigate({ from: '/whatif' });
  useDocumentTitle(t('whatif.title'), d.meta.district.name);
  const { methodology, model } = d;
  const settings = useMemo(() => decodeWhatIf(param, methodology), [param, methodology]);
  const canonical = encodeWhatIf(settings, methodology);
  const outcome = useMemo(() => (canonical ? simulate(d, settings) : undefined), [d, settings, canonical]);
  const tag = t('whatif.tag');
  const sim = (text: string) => t('whatif.marked', { text });

  const setParam = (whatif: string | undefined) => navigate({ search: (prev) => ({ ...prev, whatif }) });
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const read = (name: string, fallback: number) => {
      const v = Number(form.get(name));
      return form.get(name) !== '' && Number.isFinite(v) ? v : fallback;
    };
    const next: WhatIfSettings = {
      categoryWeights: Object.fromEntries(methodology.categories.map((c) => [c.id, read(`w.${c.id}`, settings.categoryWeights[c.id])])),
      ownWeight: read('alpha', settings.ownWeight),
      childWeighting: form.get('weighting') === 'members' ? 'members' : 'equal',
      gradeMins: Object.fromEntries(methodology.grades.map((g) => [g.grade, read(`g.${g.grade}`, settings.gradeMins[g.grade])])),
    };
    // the encoder keeps only valid differences: decode(encode(x)) drops anything the parser would
    setParam(encodeWhatIf(decodeWhatIf(encodeWhatIf(next, methodology), methodology), methodology));
  };

  const root = model.scores(model.rootId);
  const simRoot = outcome?.model.scores(model.rootId);
  const gradeText = (g: string | undefined) => g ?? t('grade.none');
  const tierName = (id: string) => {
    const tier = model.tierName(id);
    return tier ? local(tier.name) : id;
  };
  const columns: Column<WhatIfChange>[] = [
    { key: 'name', header: t('col.name'), cell: (r) => <OrgLink id={r.id}>{r.name}</OrgLink>, sortValue: (r) => r.name },
    { key: 'tier', header: t('col.tier'), cell: (r) => tierName(r.tier), sortValue: (r) => model.tierIndex(r.tier) },
    {
      key: 'indexBefore',
      header: t('whatif.indexOfficial'),
      cell: (r) => fmtScore(r.indexBefore),
      sortValue: (r) => r.indexBefore,
      align: 'right',
    },
    {
      key: 'indexAfter',
      header: sim(t('whatif.indexSim')),
      cell: (r) => <SimValue>{fmtScore(r.indexAfter)}</SimValue>,
      sortValue: (r) => r.indexAfter,
      align: 'right',
    },
    { key: 'gradeBefore', header: t('whatif.gradeOfficial'), cell: (r) => gradeText(r.gradeBefore) },
    { key: 'gradeAfter', header: sim(t('whatif.gradeSim')), cell: (r) => <SimValue>{gradeText(r.gradeAfter)}</SimValue> },
    {
      key: 'rankBefore',
      header: t('whatif.rankOfficial'),
      cell: (r) => r.rankBefore ?? '—',
      sortValue: (r) => (r.rankBefore === undefined ? undefined : -r.rankBefore),
      align: 'right',
    },
    {
      key: 'rankAfter',
      header: sim(t('whatif.rankSim')),
      cell: (r) => <SimValue>{r.rankAfter ?? '—'}</SimValue>,
      sortValue: (r) => (r.rankAfter === undefined ? undefined : -r.rankAfter),
      align: 'right',
    },
  ];

  return (
    <div className="list-page whatif-page">
      <h2>
        {t('whatif.title')} <span className="whatif-tag">{tag}</span>
      </h2>
      <p className="whatif-banner" role="note">
        {t('whatif.banner')}
      </p>
      <form className="whatif-form" onSubmit={apply} key={canonical ?? 'official'} aria-label={t('whatif.settings')}>
        <fieldset>
          <legend>{t('whatif.weights')}</legend>
          {methodology.categories.map((c) => (
            <label key={c.id}>
              <span>{local(c.name)}</span>
              <input name={`w.${c.id}`} type="number" min="0.01" step="any" defaultValue={settings.categoryWeights[c.id]} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('whatif.alpha')}</legend>
          <label>
            <span>α</span>
            <input name="alpha" type="number" min="0" max="1" step="any" defaultValue={settings.ownWeight} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('whatif.childWeighting')}</legend>
          <label className="inline">
            <input type="radio" name="weighting" value="equal" defaultChecked={settings.childWeighting === 'equal'} /> {t('whatif.equal')}
          </label>
          <label className="inline">
            <input type="radio" name="weighting" value="members" defaultChecked={settings.childWeighting === 'members'} />{' '}
            {t('whatif.members')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('whatif.bands')}</legend>
          {methodology.grades.map((g) => (
            <label key={g.grade}>
              <span>{g.grade}</span>
              <input name={`g.${g.grade}`} type="number" min="0" max="100" step="any" defaultValue={settings.gradeMins[g.grade]} />
            </label>
          ))}
        </fieldset>
        <div className="whatif-actions">
          <button type="submit" className="primary">
            {t('whatif.apply')}
          </button>
          <button type="button" onClick={() => setParam(undefined)} disabled={!canonical}>
            {t('whatif.reset')}
          </button>
        </div>
        <p className="muted">{t('whatif.shareHint')}</p>
      </form>
      <div className="kpi-row whatif-kpis">
        <div className="kpi">
          <h3>
            {t('whatif.rootIndex', { name: root.org.name })} · {t('whatif.official')}
          </h3>
          <p className="kpi-value small" data-testid="whatif-official-index">
            {fmtScore(root.index)} {gradeText(root.grade)}
          </p>
        </div>
        <div className="kpi whatif-kpi">
          <h3>
            {t('whatif.rootIndex', { name: root.org.name })} · <span className="whatif-tag">{tag}</span>
          </h3>
          <p className="kpi-value small" data-testid="whatif-sim-index">
            {simRoot ? `${fmtScore(simRoot.index)} ${gradeText(simRoot.grade)}` : `${fmtScore(root.index)} ${gradeText(root.grade)}`}
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="whatif-changes">
        <header className="card-header">
          <h2 id="whatif-changes">
            {t('whatif.changes')} <span className="whatif-tag">{tag}</span>
          </h2>
        </header>
        {outcome && outcome.changes.length ? (
          <>
            <p data-testid="whatif-summary">{t('whatif.summary', { grades: outcome.gradeChanges, ranks: outcome.rankChanges })}</p>
            <DataTable
              caption={t('whatif.changes')}
              captionHidden
              columns={columns}
              rows={outcome.changes}
              rowKey={(r) => r.id}
              pageSize={100}
            />
          </>
        ) : (
          <p className="empty-state" data-testid="whatif-summary">
            {t('whatif.none')}
          </p>
        )}
      </section>
    </div>
  );
}

/** A simulated figure: styled apart from official ones and named what-if for assistive technology too. */
function SimValue({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <span className="whatif-value" title={t('whatif.tag')} data-whatif="">
      {children}
    </span>
  );
}
