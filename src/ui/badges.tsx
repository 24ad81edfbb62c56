import type { AlertLevel, Stage } from '../engine';
import { useI18n } from '../i18n';

export function GradeBadge({ grade }: { grade: string | undefined }) {
  const { t } = useI18n();
  return <span className={`badge grade grade-${grade ?? 'none'}`}>{grade ?? t('grade.none')}</span>;
}

export function LevelBadge({ level }: { level: AlertLevel }) {
  const { t } = useI18n();
  return <span className={`badge level level-${level}`}>{t(`level.${level}`)}</span>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useI18n();
  return <span className={`badge stage stage-${stage}`}>{t(`stage.${stage}`)}</span>;
}
