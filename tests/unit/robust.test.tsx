/**
 * Issue 8, the UI's part: a view that throws, a year that fails, an unknown
 * page, a 28k-row data-quality list, hostile names, depths, numbers and
 * messages — the app keeps its header and says what happened, in its language.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from '@tanstack/react-router';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { serveDataset, singleYearSource } from '../../mocks/scenarios';
import { HttpError } from '../../src/api/errors';
import type { DataQualityIssue } from '../../src/api/validate';
import { App } from '../../src/app/App';
import { QUALITY_PAGE_SIZE, QualityDialog, faultField } from '../../src/app/QualityDialog';
import { createQueryClient } from '../../src/app/queryClient';
import { createAppRouter } from '../../src/app/router';
import { translator } from '../../src/i18n';
import { fmtNumber, truncateText } from '../../src/lib/format';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { describeError } from '../../src/ui/StatusPanel';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../fixtures/example';
import { renderWithDashboard } from '../support/dashboard';
import { TEST_API, renderApp, waitForData } from './render';

// the methodology view throws while rendering, as a view fed data it cannot handle would
vi.mock('../../src/features/methodology/MethodologyPage', () => ({
  MethodologyPage: () => {
    throw new Error('poisoned methodology view');
  },
}));

/** React, the router and the boundary report a caught render error on the console; these tests expect exactly that. */
function expectRenderErrorsOnConsole() {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

describe('a view that throws', () => {
  it('is replaced by a message in the chosen language, with the header, navigation and retry kept', async () => {
    const consoleError = expectRenderErrorsOnConsole();
    renderApp('/methodology?lang=en');
    await waitForData();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'This page could not be shown' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('poisoned methodology view');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong!')).not.toBeInTheDocument();
    // the header is still there and works: another page opens
    const nav = screen.getByRole('navigation', { name: 'Jianjia index · One screen' });
    await userEvent.setup().click(within(nav).getByRole('link', { name: 'Overview' }));
    expect(await screen.findByTestId('district-index')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This page could not be shown' })).not.toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();
  });

  it('in Chinese by default', async () => {
    expectRenderErrorsOnConsole();
    renderApp('/methodology');
    await waitForData();
    expect(await screen.findByRole('heading', { name: '此页面显示出错' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '年度' })).toBeEnabled();
  });

  it('the layout boundary catches what the route boundaries do not, and forgets it when the key changes', () => {
    expectRenderErrorsOnConsole();
    let explode = true;
    const Bomb = () => {
      if (explode) throw new Error('bang');
      return <p>recovered</p>;
    };
    const fallback = (error: unknown) => <p role="alert">{(error as Error).message}</p>;
    const { rerender } = render(
      <ErrorBoundary resetKey="a" fallback={fallback}>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('bang');
    explode = false;
    rerender(
      <ErrorBoundary resetKey="b" fallback={fallback}>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(screen.getByText('recovered')).toBeInTheDocument();
  });
});

describe('a year that fails to load', () => {
  it('says which year failed, shows nothing as that year, keeps the year picker and offers the years that work', async () => {
    const user = userEvent.setup();
    server.use(
      http.get('*/v1/orgs', ({ request }) =>
        new URL(request.url).searchParams.get('year') === '2024'
          ? HttpResponse.json({ error: { code: 'internal', message: 'orgs 2024 unavailable' } }, { status: 500 })
          : undefined,
      ),
    );
    renderApp('/');
    await waitForData();
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2024');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByRole('heading', { name: '2024 年数据加载失败' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('接口 orgs 返回错误 500：orgs 2024 unavailable');
    // 2025's numbers are not left on screen under the 2024 label
    expect(screen.queryByTestId('district-index')).not.toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: '年度' });
    expect(picker).toBeEnabled();
    expect(picker).toHaveValue('2024');
    // a year that works is one click away, and the picker can choose it too
    await user.click(within(alert).getByRole('link', { name: '查看 2025 年' }));
    await waitForData();
    expect(screen.getByRole('combobox', { name: '年度' })).toHaveValue('2025');
    expect(await screen.findByTestId('district-index')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2024');
    await screen.findByRole('heading', { name: '2024 年数据加载失败' }, { timeout: 5000 });
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2025');
    expect(await screen.findByTestId('district-index', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('while the next year loads, the header names it (the previous year is what is still shown)', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/v1/assignments', async ({ request }) => {
        if (new URL(request.url).searchParams.get('year') === '2024') await gate;
        return undefined;
      }),
    );
    renderApp('/');
    await waitForData();
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2024');
    expect(await screen.findByText('正在加载 2024 年数据…', {}, { timeout: 5000 })).toBeInTheDocument();
    release();
    await waitFor(() => expect(screen.getByRole('combobox', { name: '年度' })).toHaveValue('2024'), { timeout: 10000 });
    expect(screen.queryByText('正在加载 2024 年数据…')).not.toBeInTheDocument();
  });
});

describe('an unknown page', () => {
  it('says the page does not exist (not "no data") and links home', async () => {
    const user = userEvent.setup();
    renderApp('/no/such/page?lang=en');
    await waitForData();
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('There is no page at /no/such/page.')).toBeInTheDocument();
    expect(screen.queryByText('No data')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to the overview' }));
    expect(await screen.findByTestId('district-index')).toBeInTheDocument();
  });
});

describe('the built-in demo district', () => {
  function renderWithMocks(mocks: boolean) {
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/'] }));
    render(
      <App config={{ apiBaseUrl: TEST_API, mocks }} queryClient={createQueryClient({ retries: 0, baseDelayMs: 5 })} router={router} />,
    );
  }

  it('is labelled as synthetic demo data in the header when config.mocks is true', async () => {
    renderWithMocks(true);
    await waitForData();
    const badge = within(document.querySelector<HTMLElement>('.app-header')!).getByTitle(
      '当前显示的是内置的合成示例区数据，并非真实数据。',
    );
    expect(badge).toHaveTextContent('示例数据');
  });

  it('and not otherwise', async () => {
    renderWithMocks(false);
    await waitForData();
    expect(document.querySelector('.app-header')).not.toHaveTextContent('示例数据');
  });
});

describe('a huge server error message', () => {
  it('is clipped to its first 300 characters, with its length said', () => {
    const t = translator('zh');
    const message = 'x'.repeat(200_000);
    const text = describeError(t, new HttpError('orgs', 500, 'internal', message));
    expect(text.length).toBeLessThan(400);
    expect(text).toContain('x'.repeat(300) + '…（已截断，共 200000 个字符）');
    expect(describeError(t, new HttpError('orgs', 500, 'internal', 'short'))).toBe('接口 orgs 返回错误 500：short');
  });

  it('in the app: the panel holds a few hundred characters, not 200 KB', async () => {
    server.use(
      http.get('*/v1/orgs', () => HttpResponse.json({ error: { code: 'internal', message: 'y'.repeat(200_000) } }, { status: 500 })),
    );
    renderApp('/');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent!.length).toBeLessThan(1000);
    expect(alert).toHaveTextContent('已截断');
  });
});

describe('numbers and text from the data', () => {
  it('huge and tiny numbers read compactly; ordinary ones as before', () => {
    expect(fmtNumber(1e308, 'zh')).toBe('1e+308');
    expect(fmtNumber(-1.23456e20, 'en')).toBe('-1.23e+20');
    expect(fmtNumber(1e-7, 'en')).toBe('1e-7');
    expect(fmtNumber(0, 'en')).toBe('0');
    expect(fmtNumber(1234.567, 'en')).toBe('1,234.57');
    expect(fmtNumber(90.25, 'zh')).toBe('90.25');
  });

  it('text is cut on a code point', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcd', 3)).toBe('abc…');
    expect(truncateText('ab😀d', 3)).toBe('ab…');
    expect(truncateText('a😀cd', 3)).toBe('a😀…');
  });

  it('a 100k-character name, 1e308 members and a 5,000-deep tree: the org page stays one line of breadcrumb and short numbers', async () => {
    const long = '长'.repeat(100_000);
    const chain = Array.from({ length: 5000 }, (_, k) => ({
      id: `C${k}`,
      name: `第${k}级工会`,
      tier: 'grassroots',
      parentId: k === 0 ? 'G1' : `C${k - 1}`,
      members: 1,
    }));
    const orgs = [...exampleOrgs.map((o) => (o.id === 'G1' ? { ...o, name: long, members: 1e308 } : o)), ...chain];
    const assignments = exampleAssignments.map((a, k) => (k === 0 ? { ...a, target: 1e308 } : a));
    server.use(...serveDataset(singleYearSource(() => exampleMeta, 2025, { methodology: exampleMethodology, orgs, assignments })));

    renderApp('/org/C4999');
    await waitForData();
    const crumbs = await screen.findByRole('navigation', { name: '层级导航' }, { timeout: 10000 });
    const items = within(crumbs).getAllByRole('listitem');
    // root, the cut, the last three: not 5,003 items
    expect(items.map((li) => li.textContent)).toEqual(['示例区总工会', '…省略了 4999 级', '第4997级工会', '第4998级工会', '第4999级工会']);

    cleanupAndOpen('/org/G1');
    const title = await screen.findByRole('heading', { level: 2, name: long }, { timeout: 10000 });
    expect(title).toHaveClass('org-title');
    expect(title).toHaveAttribute('title', long);
    expect(screen.getByText(/会员数 1e\+308/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\d{20}/);

    cleanupAndOpen('/org/T1');
    // the children table, the provenance and the next-grade levers all link to it: every link is cut with its title
    const links = await screen.findAllByRole('link', { name: long }, { timeout: 10000 });
    for (const link of links) {
      expect(link).toHaveClass('org-name');
      expect(link).toHaveAttribute('title', long);
    }
  });
});

function cleanupAndOpen(url: string) {
  document.body.innerHTML = '';
  renderApp(url);
}

describe('the data-quality dialog', () => {
  const issue = (k: number, rule: string, path = `assignments[${k}]`): DataQualityIssue =>
    ({ resource: 'assignments', path, record: `G-${k} · A1`, rule, detail: String(k) }) as DataQualityIssue;

  it('opens on 28k records with a count per rule and one page of rows', async () => {
    const user = userEvent.setup();
    const issues = [
      ...Array.from({ length: 20_000 }, (_, k) => issue(k, 'underExcludedOrg')),
      ...Array.from({ length: 8_000 }, (_, k) => issue(20_000 + k, 'unknownIndicator')),
    ];
    const started = performance.now();
    await renderWithDashboard(<QualityDialog issues={issues} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog');
    const openMs = performance.now() - started;
    console.info(`quality dialog with ${issues.length} issues opened in ${openMs.toFixed(0)} ms`);
    expect(within(dialog).getAllByRole('row')).toHaveLength(1 + QUALITY_PAGE_SIZE);
    const byRule = within(dialog).getByRole('list', { name: '按规则统计' });
    expect(
      within(byRule)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['全部规则 (28000)', '所属上级组织已被排除 (20000)', '指标不存在 (8000)']);
    expect(within(dialog).getByText('第 1–100 条，共 28000 条')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '下一页' }));
    expect(within(dialog).getByText('第 101–200 条，共 28000 条')).toBeInTheDocument();
    await user.click(within(byRule).getByRole('button', { name: '指标不存在 (8000)' }));
    expect(within(dialog).getByText('第 1–100 条，共 8000 条')).toBeInTheDocument();
    const first = within(dialog).getAllByRole('row')[1];
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['assignments', 'assignments[20000]', 'G-20000 · A1', '指标不存在', '20000']);
    expect(openMs).toBeLessThan(3000);
  });

  it('names each rule in the chosen language, the field of an invalid field, and an unknown rule as served', async () => {
    const issues = [
      issue(1, 'underExcludedOrg'),
      issue(2, 'invalidField', 'assignments[2].progress[3].date'),
      issue(3, 'duplicateGrade', 'methodology.gradeBands[1]'),
      issue(4, 'demandFromTheFuture'),
      issue(5, '__proto__'),
    ];
    await renderWithDashboard(<QualityDialog issues={issues} onClose={() => undefined} />, { url: '/?lang=en' });
    const rows = within(screen.getByRole('dialog')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[3].textContent)).toEqual([
      'Under an excluded organisation',
      'Invalid field: progress[3].date',
      'Duplicate grade name',
      'demandFromTheFuture',
      '__proto__',
    ]);
    expect(faultField('orgs[12]')).toBeUndefined();
    expect(faultField('methodology.indicators[3].weight')).toBe('weight');
  });
});

// keep `act` referenced for environments that flush effects explicitly
void act;

describe('network messages', () => {
  it('a timeout says which resource and how long, once; a reset names the resource once', async () => {
    const { describeError } = await import('../../src/ui/StatusPanel');
    const { NetworkError, TimeoutError } = await import('../../src/api/errors');
    const { translator } = await import('../../src/i18n');
    const t = translator('zh');
    expect(describeError(t, new TimeoutError('meta', 20_000))).toBe('接口 meta 超过 20 秒没有响应，稍后将重试');
    const reset = describeError(
      t,
      new NetworkError('assignments', 'assignments: the connection broke while reading the response (ECONNRESET)'),
    );
    expect(reset).toBe('无法连接接口 assignments：the connection broke while reading the response (ECONNRESET)');
  });
});
