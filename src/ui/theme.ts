export const palette = ['#c0392b', '#2563eb', '#0f766e', '#b45309', '#7c3aed', '#475569'];

/**
 * Grade colours for any number of bands (the methodology sets them, 区定): the
 * best band is the first stop, the lowest the last, the ones between are spread
 * evenly along the ramp. Every stop is dark enough for white text (≥ 4.5:1).
 * Five stops of five hues (teal, green, ochre, orange, red), one per band of the
 * usual 5A–1A: a ramp of four browns drew 2A and 1A, 3A and 4A, nearly alike.
 */
const gradeRamp = ['#0f766e', '#4d7c0f', '#a16207', '#c2410c', '#991b1b'];
export const ungradedColor = '#6b7280';

export function gradeColor(gradeIndex: number, bandCount: number): string {
  if (gradeIndex < 0) return ungradedColor;
  return rampColor(gradeRamp, bandCount <= 1 ? 0 : Math.min(1, gradeIndex / (bandCount - 1)));
}

/** The colour at `t` ∈ [0, 1] along a ramp of stops. */
function rampColor(ramp: string[], t: number): string {
  const x = t * (ramp.length - 1);
  const k = Math.min(ramp.length - 2, Math.floor(x));
  return mix(ramp[k], ramp[k + 1], x - k);
}

function mix(a: string, b: string, t: number): string {
  const ca = parseInt(a.slice(1), 16);
  const cb = parseInt(b.slice(1), 16);
  const channel = (shift: number) => Math.round(((ca >> shift) & 255) * (1 - t) + ((cb >> shift) & 255) * t);
  return `#${((channel(16) << 16) | (channel(8) << 8) | channel(0)).toString(16).padStart(6, '0')}`;
}

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
  const count = edges.length - 1;
  // as many colours as bands, spread along the ramp: the top band is always the ramp's last (best) colour
  return edges.slice(1).map((max, k) => ({ min: edges[k], max, color: rampColor(bandColors, count <= 1 ? 1 : k / (count - 1)) }));
}

export const gainColor = '#15803d';
export const lossColor = '#fca5a5';

export const mutedText = '#4b5563';
export const gridLine = '#e5e7eb';

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(((n >> 16) & 255) / 255) + 0.7152 * lin(((n >> 8) & 255) / 255) + 0.0722 * lin((n & 255) / 255);
}

/** The WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark or white text, whichever contrasts more with the fill. */
export function textOn(fill: string): string {
  return contrastRatio(fill, '#0b1220') >= contrastRatio(fill, '#ffffff') ? '#0b1220' : '#ffffff';
}
