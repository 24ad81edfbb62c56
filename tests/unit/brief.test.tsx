/** The briefing writes every day one way per language: the header's data-time format (fmtInstant), date part alone. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockMeta } from '../../mocks/data/district';
import { messages } from '../../src/i18n/messages';
import { fmtInstant, fmtIsoDate } from '../../src/lib/format';
import { renderApp, waitForData, waitForSettled } from './render';

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;
/** A day or a moment as each language writes it: zh-CN "2025/6/30", en-GB "30/06/2025". */
const DAY = { zh: /\d{4}\/\d{1,2}\/\d{1,2}/g, en: /\d{2}\/\d{2}\/\d{4}/g } as const;

describe('the briefing’s dates', () => {
  it.each(['zh', 'en'] as const)('%s: the as-of date, the data time, the print date and the table dates read one way', async (lang) => {
    const meta = mockMeta();
    renderApp(`/org/T-YINHU/brief?lang=${lang}`);
    await waitForData();
    await screen.findAllByRole('article');
    await waitForSettled();
    const brief = document.querySelector('.brief')!;
    const text = brief.textContent ?? '';
    // no day left in the data's ISO form anywhere: head, tables, footers
    expect(text.match(ISO_DAY)).toBeNull();
    const footers = [...brief.querySelectorAll('.brief-footer')].map((f) => f.textContent ?? '');
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const footer of footers) {
      expect(footer).toContain(fmtIsoDate(meta.asOf, lang));
      expect(footer).toContain(fmtInstant(meta.generatedAt, lang));
      // as-of, generated, printed: three days, all in the language's one form
      expect(footer.match(DAY[lang])).toHaveLength(3);
      expect(footer.match(DAY[lang === 'zh' ? 'en' : 'zh'])).toBeNull();
    }
    // the head and the late items' due dates are days too, in the same form
    expect(brief.querySelector('.brief-head')?.textContent).toContain(fmtIsoDate(meta.asOf, lang));
    const late = brief.querySelector(`section[aria-label="${messages[lang]['brief.late']}"] table`)!;
    const dues = [...late.querySelectorAll('tbody td:nth-of-type(1)')].map((c) => c.textContent ?? '');
    expect(dues.length).toBeGreaterThan(0);
    for (const due of dues) expect(due).toMatch(new RegExp(`^${DAY[lang].source}$`));
    // and the demand tables' reported and resolved days (they would read ISO on /demands)
    const demandDays = [...brief.querySelectorAll('table')]
      .filter((t) => t !== late)
      .flatMap((t) => (t.textContent ?? '').match(DAY[lang]) ?? []);
    expect(demandDays.length).toBeGreaterThan(0);
  });
});

describe('the briefing’s ranking', () => {
  it('a town with more children than it charts shows its best and its weakest as two charts, each saying which', async () => {
    renderApp('/org/T-YINHU/brief');
    await waitForData();
    await screen.findAllByRole('article');
    const top = await screen.findByRole('region', { name: /^下级排名：前 10 名（共 (\d+) 个）$/ });
    const of = /共 (\d+) 个/.exec(top.getAttribute('aria-label') ?? top.textContent ?? '')?.[1];
    expect(Number(of)).toBeGreaterThan(20);
    expect(screen.getByRole('region', { name: `下级排名：后 10 名（共 ${of} 个）` })).toBeInTheDocument();
    // not the twenty as one chart under the plain title
    expect(screen.queryByRole('region', { name: '下级排名' })).toBeNull();
  });
});
