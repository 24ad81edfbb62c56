/** A tiny inline SVG line (one per table row: far lighter than a chart instance each). */
export function Sparkline({
  points,
  max,
  label,
  width = 80,
  height = 22,
}: {
  points: { x: number; y: number }[];
  max: number;
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length === 0) return <span className="muted">—</span>;
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const span = Math.max(1, Math.max(...xs) - x0);
  const top = Math.max(max, ...points.map((p) => p.y), 1e-9);
  const px = (x: number) => 2 + ((x - x0) / span) * (width - 4);
  const py = (y: number) => height - 2 - (y / top) * (height - 4);
  const d = points.map((p, k) => `${k ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join('');
  const last = points[points.length - 1];
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <line x1={2} x2={width - 2} y1={py(max)} y2={py(max)} className="spark-target" />
      <path d={d} className="spark-line" />
      <circle cx={px(last.x)} cy={py(last.y)} r={2} className="spark-dot" />
    </svg>
  );
}
