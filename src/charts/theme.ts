export const palette = ['#c0392b', '#2563eb', '#0f766e', '#b45309', '#7c3aed', '#475569'];

/** Grade colours, best first (5A … 1A), then ungraded. */
export const gradeColors = ['#0f766e', '#2e9a6b', '#7fb24a', '#d4a017', '#e07b39'];
export const ungradedColor = '#9ca3af';


export const stageColors = ['#94a3b8', '#60a5fa', '#2563eb', '#1e40af', '#cbd5e1'];

/**
 * Score bands for heatmaps, low → high: the grade thresholds of the
 * methodology split 0–100 (below the lowest band, then one band per grade).
 */
const bandColors = ['#b91c1c', '#ea7a2c', '#f2c94c', '#b5d77a', '#4caf72', '#15803d'];

export interface ScoreBand {
  min: number;
  max: number;
  color: string;
}

export const bandLabel = (b: ScoreBand): string => `${b.min}–${b.max}`;

export function scoreBands(gradeMins: number[]): ScoreBand[] {
  const cuts = [...new Set(gradeMins.filter((m) => m > 0 && m < 100))].sort((a, b) => a - b);
  const edges = [0, ...cuts, 100];
  const colors = edges.length - 1 <= bandColors.length ? bandColors.slice(bandColors.length - (edges.length - 1)) : bandColors;
  return edges.slice(1).map((max, k) => ({ min: edges[k], max, color: colors[Math.min(k, colors.length - 1)] }));
}

export const gainColor = '#15803d';
export const lossColor = '#fca5a5';

export const mutedText = '#4b5563';
export const gridLine = '#e5e7eb';
