/**
 * Year-over-year changes as text (methodology §13): ▲ +3.2 / ▼ −1.0 for a
 * value, ↑3 / ↓2 for a rank. The arrow is decoration; the words carry it for
 * screen readers. A real minus sign, so the sign reads and aligns.
 */
import { useI18n } from '../i18n';
import './yoy.css';

export function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return value > 0 ? `+${text}` : `−${text}`;
}

/**
 * A change of a value (index, count) against the comparison year; nothing when undefined. The arrow says which way
 * it moved, the colour whether that is good: `better` 'up' (an index), 'down' (alerts: more is worse) or 'neither'
 * (a count that is neither, like a middle grade band's).
 */
export function Change({
  value,
  digits = 1,
  className,
  better = 'up',
}: {
  value: number | undefined;
  digits?: number;
  className?: string;
  better?: 'up' | 'down' | 'neither';
}) {
  if (value === undefined) return <span className="change none">—</span>;
  const text = signed(value, digits);
  const dir = text.startsWith('±') ? 'flat' : value > 0 ? 'up' : 'down';
  const tone = dir === 'flat' || better === 'neither' ? 'neutral' : dir === better ? 'good' : 'bad';
  return (
    <span className={`change ${dir} ${tone}${className ? ` ${className}` : ''}`}>
      {dir !== 'flat' ? <span aria-hidden="true">{dir === 'up' ? '▲ ' : '▼ '}</span> : null}
      {text}
    </span>
  );
}

/** A rank movement: positive = moved up (rank_{Y−1} − rank_Y). */
export function RankMove({ value }: { value: number | undefined }) {
  const { t } = useI18n();
  if (value === undefined) return <span className="rank-move none">—</span>;
  if (value === 0) return <span className="rank-move flat">=</span>;
  const up = value > 0;
  return (
    <span className={`rank-move ${up ? 'up' : 'down'}`} title={t(up ? 'yoy.rankUp' : 'yoy.rankDown', { n: Math.abs(value) })}>
      <span aria-hidden="true">
        {up ? '↑' : '↓'}
        {Math.abs(value)}
      </span>
      <span className="visually-hidden">{t(up ? 'yoy.rankUp' : 'yoy.rankDown', { n: Math.abs(value) })}</span>
    </span>
  );
}
