import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { renderApp, waitForData, waitForSettled } from './render';

// Han characters and CJK punctuation (、。，：；（）【】)
const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff1f]/u;

/** Visible text with every name served as data removed (org and district names stay in Chinese). */
function visibleTextWithoutNames(): string {
  const names = new Set<string>();
  for (const year of [2024, 2025]) for (const o of mockDistrict(year).orgs) names.add(o.name);
  // demand titles are free text reported by the organisations: data, like names
  for (const year of [2024, 2025]) for (const q of mockDistrict(year).demands) names.add(q.title);
  names.add(mockDistrict(2025).meta.district.name);
  const clone = document.body.cloneNode(true) as HTMLElement;
  // the language switch names the other language in its own script, marked with lang
  clone.querySelectorAll('[lang^="zh"]').forEach((el) => el.remove());
  let text = clone.textContent ?? '';
  for (const name of [...names].sort((a, b) => b.length - a.length)) text = text.split(name).join(' ');
  return text;
}

describe('URL round trip', () => {
  it('a deep link with year, asOf, lang and filters renders exactly that view', async () => {
    renderApp('/orgs?year=2024&asOf=2024-06-30&lang=en&tier=town&sort=index&dir=asc');
    await waitForData();
    expect(screen.getByRole('combobox', { name: 'Year' })).toHaveValue('2024');
    expect(screen.getByLabelText('As of')).toHaveValue('2024-06-30');
    expect(screen.getByRole('heading', { name: 'All organisations' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveValue('town');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(28);
    const index = rows.map((r) => Number(within(r).getAllByRole('cell')[3].textContent));
    expect([...index].sort((a, b) => a - b)).toEqual(index);
    expect(screen.getByRole('columnheader', { name: /Index/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('year, date and language follow links to other views', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?year=2024&asOf=2024-09-30&lang=en');
    await waitForData();
    await user.click(screen.getByRole('link', { name: 'Supervision list' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/alerts'));
    expect(router.state.location.search).toMatchObject({ year: 2024, asOf: '2024-09-30', lang: 'en' });
  });

  it('junk in the URL is ignored, not an error', async () => {
    renderApp('/alerts?year=abc&asOf=yesterday&lang=fr&level=panic');
    await waitForData();
    expect(screen.getByRole('combobox', { name: '年度' })).toHaveValue('2025');
    expect(screen.getByLabelText('截至日期')).toHaveValue('2025-06-30');
  });
});

describe('language', () => {
  const views = [
    '/',
    '/org/T-YINHU',
    '/org/G-0001',
    '/alerts',
    '/orgs',
    '/methodology',
    '/whatif?whatif=a:0.9',
    '/demands',
    '/org/T-YINHU/brief',
  ];
  it.each(views)('English mode leaves no Chinese outside names: %s', async (path) => {
    renderApp(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
    await waitForData();
    await screen.findByRole('main');
    await waitForSettled();
    // open every data-table twin, so their headers are checked too
    for (const b of screen.queryAllByRole('button', { name: 'Data table' })) b.click();
    await waitFor(() => expect(screen.queryAllByRole('button', { name: 'Data table' })).toHaveLength(0));
    const text = visibleTextWithoutNames();
    expect(text.match(new RegExp(HAN.source + '.{0,20}', 'gu')) ?? []).toEqual([]);
    expect(document.documentElement.lang).toBe('en');
  });

  it('the switch toggles the language and keeps the view', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/alerts?level=warn');
    await waitForData();
    expect(screen.getByRole('heading', { name: '督办清单' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '切换语言' }));
    expect(await screen.findByRole('heading', { name: 'Supervision list' })).toBeInTheDocument();
    expect(router.state.location.search).toMatchObject({ lang: 'en', level: 'warn' });
  });
});
