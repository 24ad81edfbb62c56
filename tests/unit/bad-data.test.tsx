import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { server } from '../../mocks/node';
import { failWith, respondWith, serveDataset, singleYearSource, slow } from '../../mocks/scenarios';
import { renderApp, waitForData, waitForSettled } from './render';

describe('what the app does with bad data', () => {
  it('a malformed payload (its top level): an error panel names the resource and the first failing path, with retry', async () => {
    const user = userEvent.setup();
    const { methodology } = mockDistrict(2025);
    server.use(respondWith('methodology', { ...methodology, rollup: { ...methodology.rollup, ownWeight: 'ninety' } }));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      '接口 methodology 返回的数据格式不正确：methodology.rollup.ownWeight: expected number, received string',
    );
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    await waitForData();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('invalid records: excluded, counted on the badge, listed by record and rule; the rest is shown', async () => {
    const user = userEvent.setup();
    const d = mockDistrict(2025);
    const orgs = [...d.orgs, { id: 'X1', name: '孤儿工会', tier: 'grassroots', parentId: 'GHOST', members: 10 }];
    const assignments = [
      ...d.assignments,
      { ...d.assignments[0], orgId: 'NOBODY' },
      { ...d.assignments[1], indicatorId: 'ORG-02', orgId: d.assignments[1].orgId, target: 0 },
      // contract v1.1: one bad field costs its record, not the dashboard
      { ...d.assignments[2], target: 'ninety' as unknown as number },
    ];
    server.use(...serveDataset(singleYearSource(mockMeta, 2025, { methodology: d.methodology, orgs, assignments })));
    renderApp('/');
    await waitForData();
    const badge = screen.getByRole('button', { name: /数据质量: 4 条记录已排除/ });
    await user.click(badge);
    const dialog = screen.getByRole('dialog', { name: /数据质量：已排除的记录/ });
    const rows = within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['orgs', 'orgs[1811]', 'X1', '上级组织不存在', 'GHOST'],
      ['assignments', `assignments[${d.assignments.length}]`, `NOBODY · ${d.assignments[0].indicatorId}`, '组织不存在', 'NOBODY'],
      ['assignments', `assignments[${d.assignments.length + 1}].target`, `${d.assignments[1].orgId} · ORG-02`, '比率指标目标值 ≤ 0', '0'],
      [
        'assignments',
        `assignments[${d.assignments.length + 2}].target`,
        `${d.assignments[2].orgId} · ${d.assignments[2].indicatorId}`,
        '字段无效：target',
        'expected number, received string',
      ],
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('district-index').textContent).toMatch(/^\d+\.\d$/);
  });

  it('5xx: retried with backoff, then a clear error', async () => {
    let calls = 0;
    server.use(
      http.get('*/v1/orgs', () => {
        calls++;
        return HttpResponse.json({ error: { code: 'internal', message: 'database down' } }, { status: 503 });
      }),
    );
    renderApp('/', { retries: 2 });
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('接口 orgs 返回错误 503：database down');
    expect(calls).toBe(3);
  });

  it('5xx after data was shown: the last good data stays, marked stale with its time', async () => {
    const user = userEvent.setup();
    renderApp('/', { retries: 1 });
    await waitForData();
    const before = screen.getByTestId('district-index').textContent;
    server.use(failWith('orgs', 500));
    await user.click(screen.getByRole('button', { name: '刷新' }));
    const banner = await screen.findByText(/数据可能已过期：最后一次成功更新于/, {}, { timeout: 5000 });
    expect(banner.closest('[role="status"]')).toHaveTextContent('接口 orgs 返回错误 500');
    expect(screen.getByTestId('district-index').textContent).toBe(before);
  });

  it('new data announced (a new generatedAt) that then fails to load: the last good data stays, marked stale', async () => {
    const user = userEvent.setup();
    renderApp('/', { retries: 1 });
    await waitForData();
    const before = screen.getByTestId('district-index').textContent;
    // meta now names newer data, and the year behind it cannot be had
    server.use(
      http.get('*/v1/meta', () => HttpResponse.json({ ...mockMeta(), generatedAt: '2025-07-01T09:00:00+08:00' })),
      failWith('orgs', 500),
    );
    await user.click(screen.getByRole('button', { name: '刷新' }));
    const banner = await screen.findByText(/数据可能已过期：最后一次成功更新于/, {}, { timeout: 8000 });
    expect(banner.closest('[role="status"]')).toHaveTextContent('接口 orgs 返回错误 500');
    expect(screen.getByTestId('district-index').textContent).toBe(before);
  });

  it('401: "session ended" with reload, and no data shown as current', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await waitForData();
    server.use(failWith('assignments', 401));
    await user.click(screen.getByRole('button', { name: '刷新' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('会话已结束');
    expect(within(alert).getByRole('button', { name: '重新加载' })).toBeInTheDocument();
    expect(screen.queryByTestId('district-index')).not.toBeInTheDocument();
  });

  it('a slow API: a loading note, skeletons in the overview grid once meta is known, then the dashboard', async () => {
    server.use(...slow(300));
    renderApp('/');
    expect(await screen.findByRole('status')).toHaveTextContent('正在加载数据…');
    // before meta nothing stands below the header (it may still change size); then the overview's own grid waits
    expect(document.querySelectorAll('.skeleton')).toHaveLength(0);
    await waitFor(() => expect(document.querySelectorAll('.overview-grid .skeleton').length).toBe(7));
    await waitForData();
    await waitForSettled();
    expect(document.querySelectorAll('.skeleton')).toHaveLength(0);
  });
});
