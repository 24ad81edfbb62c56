import { useDashboard } from '../../data/dashboard';
import { useI18n } from '../../i18n';
import { GradeBadge } from '../../ui/badges';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** The rules as served by the API, in plain words. */
export function MethodologyPage() {
  const d = useDashboard();
  const { t, local, num, unit, lang } = useI18n();
  useDocumentTitle(t('method.title'), d.meta.district.name);
  const m = d.methodology;
  const categoryWeightTotal = m.categories.reduce((s, c) => s + c.weight, 0);
  const { model } = d;
  const tierName = (id: string) => {
    const tier = model.tierName(id);
    return tier ? local(tier.name) : id;
  };
  const bands = model.gradeBands;
  const categoriesTitle = t('method.categories', { n: m.categories.length });
  const gradesTitle = t('method.grades', { top: bands[0]?.grade ?? '' });
  const own = Math.round(m.rollup.ownWeight * 1000) / 10;
  return (
    <div className="methodology-page">
      <h2>
        {t('method.title')} · {m.year}
      </h2>
      <p>{t('method.intro')}</p>

      <section className="card" aria-labelledby="m-categories">
        <h3 id="m-categories">{categoriesTitle}</h3>
        <table className="data-table dense">
          <caption className="visually-hidden">{categoriesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.id')}</th>
              <th scope="col">{t('col.category')}</th>
              <th scope="col">{t('col.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {m.categories.map((c) => (
              <tr key={c.id}>
                <td>{c.id}</td>
                <td>{local(c.name)}</td>
                <td>
                  {num(c.weight)} ({((c.weight / categoryWeightTotal) * 100).toFixed(1)}%)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {/* focusable: on a phone this wide table scrolls inside its card, and a keyboard must be able to scroll it too */}
      <section className="card" aria-labelledby="m-indicators" tabIndex={0}>
        <h3 id="m-indicators">
          {t('method.indicators')} ({m.indicators.length})
        </h3>
        <table className="data-table dense">
          <caption className="visually-hidden">{t('method.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.id')}</th>
              <th scope="col">{t('col.indicator')}</th>
              <th scope="col">{t('col.category')}</th>
              <th scope="col">{t('col.unit')}</th>
              <th scope="col">{t('col.scoring')}</th>
              <th scope="col">{t('col.tiers')}</th>
              <th scope="col">{t('col.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {m.indicators.map((i) => {
              const category = m.categories.find((c) => c.id === i.categoryId);
              return (
                <tr key={i.id}>
                  <td className="code">{i.id}</td>
                  <td>{local(i.name)}</td>
                  <td>{category ? local(category.name) : i.categoryId}</td>
                  <td>{i.unit ? unit(i.unit) : t('unit.none')}</td>
                  <td>
                    {t(`scoring.${i.scoring}`)}
                    {i.scoring === 'inverse' ? ` · ${t('col.penalty')} ${i.penalty}` : ''}
                  </td>
                  <td>{i.tiers.map(tierName).join(lang === 'zh' ? '、' : ', ')}</td>
                  <td>{num(i.weight)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="m-scoring">
        <h3 id="m-scoring">{t('method.scoring')}</h3>
        <p>{t('method.scoringText')}</p>
      </section>

      <section className="card" aria-labelledby="m-rollup">
        <h3 id="m-rollup">{t('method.rollup')}</h3>
        <p>
          {t('method.rollupText', {
            weighting: m.rollup.childWeighting === 'equal' ? t('method.equal') : t('method.membersWeighting'),
            own,
            sub: Math.round((100 - own) * 10) / 10,
          })}
        </p>
      </section>

      <section className="card" aria-labelledby="m-grades">
        <h3 id="m-grades">{gradesTitle}</h3>
        <p>{t('method.gradesText')}</p>
        <table className="data-table dense">
          <caption className="visually-hidden">{gradesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.grade')}</th>
              <th scope="col">{t('col.min')}</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((g, k) => (
              <tr key={g.grade}>
                <td>
                  <GradeBadge grade={g.grade} gradeIndex={k} bandCount={bands.length} />
                </td>
                <td>≥ {g.min}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="m-alerts">
        <h3 id="m-alerts">{t('method.alerts')}</h3>
        <p>
          {t('method.alertsText', {
            remind: m.alerts.remindDays,
            supervise: m.alerts.superviseDays,
            interview: m.alerts.interviewDays,
            paceRemind: m.alerts.pace.remind,
            paceWarn: m.alerts.pace.warn,
            paceSupervise: m.alerts.pace.supervise,
          })}
        </p>
      </section>
    </div>
  );
}
