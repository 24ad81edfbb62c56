/**
 * The drill's dress rehearsal (src/charts/rehearsal.ts): on a desktop, once a page, the charts a click on the
 * first group opens are drawn off screen while idle, one per idle callback, and nothing is left behind.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rankedItems, rankedOrder } from '../../src/data/chartInputs';
import { engineAt, exampleDataset } from '../support/dashboard';

const drawn: { option: unknown; stageInDocument: boolean }[] = [];
const disposed = vi.fn();
vi.mock('../../src/charts/echarts', () => ({
  echarts: {
    use: () => undefined,
    init: (stage: HTMLElement) => ({
      setOption: (option: unknown) => drawn.push({ option, stageInDocument: stage.isConnected }),
      dispose: disposed,
    }),
  },
  disposeChart: (chart: { dispose: () => void }) => chart.dispose(),
}));

let desktop = true;
const idle: (() => void)[] = [];
vi.mock('../../src/lib/idle', () => ({
  isDesktopWidth: () => desktop,
  whenIdle: (fn: () => void) => {
    idle.push(fn);
    return () => idle.splice(idle.indexOf(fn), 1);
  },
}));

/** Runs idle callbacks as the browser would, one at a time, letting the charting code's import settle first. */
async function runIdle(): Promise<number> {
  let runs = 0;
  for (let k = 0; k < 20; k++) {
    await new Promise((ok) => setTimeout(ok, 0));
    const fn = idle.shift();
    if (fn) {
      fn();
      runs++;
    }
  }
  return runs;
}

const { model } = engineAt(exampleDataset, exampleDataset.meta.asOf);

describe('drill rehearsal', () => {
  beforeEach(() => {
    vi.resetModules();
    drawn.length = 0;
    idle.length = 0;
    disposed.mockClear();
    desktop = true;
  });

  it('draws the first group’s page charts off screen, one per idle callback, and removes them', async () => {
    const { rehearseDrill } = await import('../../src/charts/rehearsal');
    rehearseDrill(model);
    const runs = await runIdle();
    const first = rankedOrder(model, model.groups()).find((g) => model.hasChildren(g))!;
    expect(drawn.length).toBe(5);
    expect(runs).toBe(drawn.length + 1); // the last callback finds nothing left
    expect(drawn.every((d) => d.stageInDocument)).toBe(true);
    // the children's ranking of the group a reader is likeliest to open
    const ranking = drawn[0].option as { yAxis: { data: string[] } };
    expect(ranking.yAxis.data).toEqual(rankedItems(model, model.children(first)).map((r) => r.name));
    expect(disposed).toHaveBeenCalledTimes(5);
    expect(document.body.querySelector('[aria-hidden="true"]')).toBeNull();
  });

  it('runs once a page: a later year or date finds the code warm', async () => {
    const { rehearseDrill } = await import('../../src/charts/rehearsal');
    rehearseDrill(model);
    await runIdle();
    drawn.length = 0;
    rehearseDrill(model);
    expect(await runIdle()).toBe(0);
    expect(drawn).toEqual([]);
  });

  it('stops when asked, and a phone never starts', async () => {
    const { rehearseDrill } = await import('../../src/charts/rehearsal');
    const stop = rehearseDrill(model);
    await new Promise((ok) => setTimeout(ok, 0));
    idle.shift()?.();
    stop();
    await runIdle();
    expect(drawn.length).toBe(1);
    vi.resetModules();
    desktop = false;
    const again = await import('../../src/charts/rehearsal');
    again.rehearseDrill(model);
    expect(await runIdle()).toBe(0);
  });
});
