/** The command-room screen: the whole app at /screen on the mock district, and its cycle. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { useCycle } from '../../src/features/screen/hooks';
import { orgScores, subtreeAlertTally } from '../../src/engine';
import { engineAt } from '../support/dashboard';
import { renderApp } from './render';
import { mockMeta } from '../../mocks/data/district';

describe('/screen on the mock district', () => {
  it('shows the same numbers as the engine, every level-1 group, and none of the app header', async () => {
    renderApp('/screen?cycle=0');
    const index = await screen.findByTestId('screen-index', {}, { timeout: 15000 });
    const data = mockDistrict(2025);
    const { ds, r } = engineAt({ ...data, meta: mockMeta() }, '2025-06-30');
    expect(index.textContent).toBe(orgScores(ds, r, 0).index!.toFixed(1));
    const alerts = subtreeAlertTally(r, 0);
    const kpi = screen.getByRole('heading', { name: '预警（任务数）' }).parentElement!;
    expect(within(kpi).getByText('约谈').parentElement!.querySelector('dd')!.textContent).toBe(String(alerts.interview));

    const root = data.orgs.find((o) => o.parentId === null)!;
    const groups = data.orgs.filter((o) => o.parentId === root.id).map((o) => o.name);
    expect(groups).toHaveLength(28);
    const board = screen.getByRole('list', { name: '镇街工会建家指数排名' });
    expect(
      within(board)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.scr-c-name')!.textContent)
        .sort(),
    ).toEqual([...groups].sort());
    // the heatmap's table twin: one row per group
    const twin = screen.getByRole('table', { name: '镇街工会 × 类别得分' });
    expect(within(twin).getAllByRole('row')).toHaveLength(29);
    // the trend's twin: the index and 序时进度 (§7's pace of a Jan 1 → Dec 31 indicator) at each month end
    const trend = await screen.findByRole('table', { name: '全区指数月度趋势' }, { timeout: 15000 });
    // header and the six month ends to June, once the trend is computed
    await waitFor(() => expect(within(trend).getAllByRole('row')).toHaveLength(7), { timeout: 15000 });
    const rows = within(trend).getAllByRole('row');
    expect(rows[0].textContent).toContain('序时进度');
    expect([...rows.at(-1)!.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual([
      '2025-06-30',
      orgScores(ds, r, 0).index!.toFixed(1),
      ((100 * 180) / 364).toFixed(1),
    ]);

    // no app chrome: the navigation is not there
    expect(screen.queryByRole('link', { name: '督办清单' })).toBeNull();
    expect(screen.getByText('轮播关闭')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('一屏掌控 · 富阳区总工会'));
  });
});

function Probe({ ids, cycleMs, idleMs }: { ids: string[]; cycleMs: number; idleMs: number }) {
  const c = useCycle(ids, cycleMs, idleMs);
  return (
    <p data-testid="probe">
      {c.id}|{c.paused ? 'paused' : 'running'}|{c.held ? 'held' : 'free'}
    </p>
  );
}

describe('the focus cycle', () => {
  afterEach(() => vi.useRealTimers());
  const state = () => screen.getByTestId('probe').textContent;

  it('steps every cycle, holds on activity until idle, pauses on Space, moves on arrows', () => {
    vi.useFakeTimers();
    render(<Probe ids={['a', 'b', 'c']} cycleMs={1000} idleMs={3000} />);
    expect(state()).toBe('a|running|free');
    act(() => vi.advanceTimersByTime(1000));
    expect(state()).toBe('b|running|free');
    act(() => vi.advanceTimersByTime(1000));
    expect(state()).toBe('c|running|free');
    act(() => vi.advanceTimersByTime(1000));
    expect(state()).toBe('a|running|free'); // wraps round

    // someone points at the wall: the cycle holds while they do, and resumes when idle
    act(() => void fireEvent.pointerMove(window));
    expect(state()).toBe('a|running|held');
    act(() => vi.advanceTimersByTime(2500));
    act(() => void fireEvent.pointerMove(window));
    act(() => vi.advanceTimersByTime(2500));
    expect(state()).toBe('a|running|held');
    act(() => vi.advanceTimersByTime(600));
    expect(state()).toBe('a|running|free');
    act(() => vi.advanceTimersByTime(1000));
    expect(state()).toBe('b|running|free');

    // keyboard: → and ← move the focus, Space pauses until pressed again
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(state()).toBe('c|running|held');
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft' }));
    act(() => void fireEvent.keyDown(window, { key: ' ' }));
    expect(state()).toBe('b|paused|held');
    act(() => vi.advanceTimersByTime(10_000));
    expect(state()).toBe('b|paused|free');
    act(() => void fireEvent.keyDown(window, { key: ' ' }));
    act(() => vi.advanceTimersByTime(3000));
    expect(state()).toBe('b|running|free');
    act(() => vi.advanceTimersByTime(1000));
    expect(state()).toBe('c|running|free');
  });

  it('cycle 0 never moves; the focus follows its id when the list is reordered', () => {
    vi.useFakeTimers();
    const { rerender } = render(<Probe ids={['a', 'b', 'c']} cycleMs={0} idleMs={1000} />);
    act(() => vi.advanceTimersByTime(60_000));
    expect(state()).toBe('a|running|free');
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(state()).toMatch(/^b\|/);
    rerender(<Probe ids={['c', 'b', 'a']} cycleMs={0} idleMs={1000} />);
    expect(state()).toMatch(/^b\|/);
  });

  it('removes its listeners and timers when unmounted', () => {
    vi.useFakeTimers();
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const { unmount } = render(<Probe ids={['a', 'b']} cycleMs={1000} idleMs={1000} />);
    act(() => vi.advanceTimersByTime(5000));
    unmount();
    const count = (spy: typeof add) => spy.mock.calls.length;
    expect(count(remove)).toBe(count(add));
    expect(vi.getTimerCount()).toBe(0);
    add.mockRestore();
    remove.mockRestore();
  });
});
