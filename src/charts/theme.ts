import type { AlertLevel } from '../engine';

export const palette = ['#c0392b', '#2563eb', '#0f766e', '#b45309', '#7c3aed', '#475569'];

/** Grade colours, best first (5A … 1A), then ungraded. */
export const gradeColors = ['#0f766e', '#2e9a6b', '#7fb24a', '#d4a017', '#e07b39'];
export const ungradedColor = '#9ca3af';

export const levelColors: Record<AlertLevel, string> = {
  none: '#9ca3af',
  remind: '#2563eb',
  warn: '#d97706',
  supervise: '#dc2626',
  interview: '#7f1d1d',
};

export const stageColors = ['#94a3b8', '#60a5fa', '#2563eb', '#1e40af', '#cbd5e1'];

/** Sequential scale for 0–100 scores: low red → high green. */
export const scoreScale = ['#b91c1c', '#f59e0b', '#fde68a', '#86efac', '#15803d'];

export const textColor = '#1f2937';
export const mutedText = '#4b5563';
export const gridLine = '#e5e7eb';
