/** Rank robustness on the organisation page (issue 12): its own rank range and its children's intervals. */
import { RankIntervalCard } from '../../charts/RankIntervalCard';
import type { Dashboard } from '../../data/dashboard';
import { rangeLabel, useRankIntervals } from '../../data/robustness';
import type { I18n } from '../../i18n';
import './analyst.css';

export function RobustnessPanel({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t } = i18n;
  const intervals = useRankIntervals(d);
  const own = intervals?.of(id);
  const kids = d.model.children(id);
  return (
    <section className="card analyst-card" aria-labelledby="robust-title" data-testid="robustness">
      <header className="card-header">
        <h2 id="robust-title">{t('robust.title')}</h2>
      </header>
      <p className="muted analyst-note">{t('robust.intro')}</p>
      <p data-testid="robust-own">
        {!intervals ? t('robust.computing') : own ? t('robust.own', { rank: own.nominal, range: rangeLabel(own) }) : '—'}
      </p>
      {kids.length ? <RankIntervalCard title={t('robust.childrenChart')} ids={kids} /> : null}
    </section>
  );
}
