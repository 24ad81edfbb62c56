/**
 * A dress rehearsal of the first drill. A reader's first click on a town draws seven charts in the frame that shows
 * its page, with code the page has not run yet: chart types the overview does not draw (a scatter on a log axis, a
 * histogram, a ranking long enough to scroll), first run unoptimised, and glyphs not yet rasterised. Measured on the
 * mock district at 1920×1080 (a loaded machine), three drills after one page load: the first took about twice as
 * long as the third. With this rehearsal, alternating builds on a quiet machine, the first drill's medians were
 * 131 and 178 ms against 153 and 193 ms without: a tenth or so, not the whole gap (React's first render of the page
 * stays cold).
 *
 * So once the year is in and the browser is idle, on a desktop, the drill's charts are drawn once, off screen, from
 * the subtree a reader is likeliest to open (the first group in the ranking), one chart per idle callback, and
 * thrown away. Nothing of it is shown or kept; a phone skips it (its first screen draws no chart).
 */
import type { ReadModel } from '../data/model';
import { heatmapRows, orgContributions, rankedItems, rankedOrder, scatterPoints } from '../data/chartInputs';
import { disposeChart, echarts, type ChartOption } from './echarts';
import { buildHeatmapOption, buildRankingOption } from './options/builders';
import { buildContributionsOption, buildHistogramOption, buildScatterOption } from './options/orgBuilders';
import { scoreBands } from '../ui/theme';
import { isDesktopWidth, whenIdle } from '../lib/idle';

/** About an organisation page's chart frame at 1920 px. */
const FRAME = { width: 420, height: 320 };

/** The options an organisation page with children opens with, for `id`'s subtree (labels need not be translated). */
export function drillOptions(model: ReadModel, id: string): ChartOption[] {
  const kids = model.children(id);
  const ranking = rankedItems(model, kids);
  const values = ranking.map((r) => r.value!);
  return [
    buildRankingOption(ranking, { valueLabel: '', ungradedLabel: '', bandCount: model.gradeBands.length }),
    buildHistogramOption(values, { countLabel: '' }),
    buildScatterOption(scatterPoints(model, ranking), { membersLabel: '', indexLabel: '' }),
    buildHeatmapOption(
      heatmapRows(model, kids),
      model.categories.map((c) => c.name.zh),
      scoreBands(model.gradeBands.map((g) => g.min)),
    ),
    buildContributionsOption(
      orgContributions(model, id, (n) => n.zh),
      { gainLabel: '', lossLabel: '' },
    ),
  ];
}

/** Once a page: the code stays warm for every later drill, whatever year or date the reader turns to. */
let rehearsed = false;

/** Rehearses the drill into the first group of `model` while idle, on a desktop; returns the function that stops it. */
export function rehearseDrill(model: ReadModel): () => void {
  if (rehearsed || !isDesktopWidth()) return () => undefined;
  const first = rankedOrder(model, model.groups()).find((g) => model.hasChildren(g));
  if (!first) return () => undefined;
  const pending = drillOptions(model, first);
  let stopped = false;
  let cancel = () => {};
  const next = () => {
    cancel = whenIdle(
      () => {
        const option = pending.shift();
        if (stopped || !option) return;
        rehearsed = true;
        const stage = document.createElement('div');
        stage.setAttribute('aria-hidden', 'true');
        stage.style.cssText = `position:fixed;left:-10000px;top:0;width:${FRAME.width}px;height:${FRAME.height}px;visibility:hidden;pointer-events:none`;
        document.body.append(stage);
        const chart = echarts.init(stage, undefined, { renderer: 'canvas', ...FRAME });
        try {
          chart.setOption(option);
          // a canvas draws when it is shown or read: one pixel read rasterises it, glyphs and all
          stage.querySelector('canvas')?.getContext('2d')?.getImageData(0, 0, 1, 1);
        } finally {
          disposeChart(chart);
          stage.remove();
        }
        next();
      },
      { fallbackMs: 50 },
    );
  };
  next();
  return () => {
    stopped = true;
    cancel();
  };
}
