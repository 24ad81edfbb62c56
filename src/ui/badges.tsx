import type { AlertLevel, Stage } from '../engine';
import { useI18n, type I18n } from '../i18n';
import { gradeColor } from './theme';

/**
 * A grade in words: the band's name, 未评级 below every band (§5), 无数据 without an index — an organisation with no
 * data has no grade, and is not counted among the ungraded either (no data is not zero).
 */
export function gradeName(t: I18n['t'], grade: string | undefined, noData: boolean): string {
  return noData ? t('state.noData') : (grade ?? t('grade.none'));
}

/**
 * A grade as a badge. Its colour comes from its position among the
 * methodology's bands (best first), not from its name: a district with four or
 * seven bands, or other names, gets a ramp of as many colours.
 */
export function GradeBadge({
  grade,
  gradeIndex,
  bandCount,
  noData = false,
}: {
  grade: string | undefined;
  gradeIndex: number;
  bandCount: number;
  /** The organisation has no index (a band legend leaves this out). */
  noData?: boolean;
}) {
  const { t } = useI18n();
  const graded = !noData && grade !== undefined && gradeIndex >= 0;
  return (
    <span
      className={`badge grade${graded ? '' : ' grade-none'}`}
      style={graded ? { background: gradeColor(gradeIndex, bandCount), color: '#fff' } : undefined}
    >
      {gradeName(t, grade, noData)}
    </span>
  );
}

export function LevelBadge({ level }: { level: AlertLevel }) {
  const { t } = useI18n();
  return <span className={`badge level level-${level}`}>{t(`level.${level}`)}</span>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useI18n();
  return <span className={`badge stage stage-${stage}`}>{t(`stage.${stage}`)}</span>;
}
