import type { AlertLevel, Stage } from '../engine';
import { useI18n } from '../i18n';
import { gradeColor } from './theme';

/**
 * A grade as a badge. Its colour comes from its position among the
 * methodology's bands (best first), not from its name: a district with four or
 * seven bands, or other names, gets a ramp of as many colours.
 */
export function GradeBadge({ grade, gradeIndex, bandCount }: { grade: string | undefined; gradeIndex: number; bandCount: number }) {
  const { t } = useI18n();
  const graded = grade !== undefined && gradeIndex >= 0;
  return (
    <span
      className={`badge grade${graded ? '' : ' grade-none'}`}
      style={graded ? { background: gradeColor(gradeIndex, bandCount), color: '#fff' } : undefined}
    >
      {grade ?? t('grade.none')}
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
