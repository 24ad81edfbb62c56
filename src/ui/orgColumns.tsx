/** Table columns for organisations' scores, shared by every table of organisations. */
import type { Dashboard } from '../data/dashboard';
import { ALERT_LEVELS, type OrgScores } from '../engine';
import type { I18n } from '../i18n';
import { fmtScore } from '../lib/format';
import { GradeBadge, LevelBadge } from './badges';
import type { Column } from './DataTable';
import { OrgLink } from './OrgLink';
import { TermHelp } from './TermHelp';

type OrgColumn = Column<OrgScores>;

export function orgScoreColumns(d: Dashboard, { t, local }: I18n) {
  const bandCount = d.model.gradeBands.length;
  const score = (key: 'index' | 'own' | 'sub', header: string): OrgColumn => ({
    key,
    header,
    cell: (r) => fmtScore(r[key]),
    sortValue: (r) => r[key],
    align: 'right',
  });
  return {
    name: {
      key: 'name',
      header: t('col.name'),
      cell: (r) => <OrgLink id={r.org.id}>{r.org.name}</OrgLink>,
      sortValue: (r) => r.org.name,
    } as OrgColumn,
    index: score('index', t('col.index')),
    own: {
      ...score('own', t('col.own')),
      help: <TermHelp term={`${t('col.own')} / ${t('col.sub')}`} text={t('term.ownSub')} align="end" />,
    },
    sub: score('sub', t('col.sub')),
    grade: {
      key: 'grade',
      header: t('col.grade'),
      cell: (r) => <GradeBadge grade={r.grade} gradeIndex={r.gradeIndex} bandCount={bandCount} noData={r.index === undefined} />,
      sortValue: (r) => r.index,
    } as OrgColumn,
    categories: d.model.categories.map((c, k): OrgColumn => ({
      key: `cat-${c.id}`,
      header: local(c.name),
      cell: (r) => fmtScore(r.categories[k]),
      sortValue: (r) => r.categories[k],
      align: 'right',
    })),
    alert: {
      key: 'alert',
      header: t('col.alert'),
      cell: (r) => <LevelBadge level={r.ownAlert} />,
      sortValue: (r) => ALERT_LEVELS.indexOf(r.ownAlert),
    } as OrgColumn,
  };
}
