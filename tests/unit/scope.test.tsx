/** Scoped sessions in the views: a 403 says "no access" (not an error with a retry); an outside link too. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/api/errors';
import { describeError, ErrorPanel } from '../../src/ui/StatusPanel';
import { translator } from '../../src/i18n';
import { renderWithDashboard } from '../support/dashboard';
import { yearDatasetQuery } from '../../src/data/dashboard';
import { exampleMeta } from '../fixtures/example';

describe('no access', () => {
  it('an API 403 shows the no-access message without a retry button, in either language', async () => {
    await renderWithDashboard(
      <ErrorPanel error={new HttpError('assignments', 403, 'forbidden', 'outside the scope')} onRetry={() => undefined} />,
    );
    expect((await screen.findByTestId('no-access')).textContent).toContain('无权访问');
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    expect(describeError(translator('en'), new HttpError('orgs', 403, 'forbidden', 'x'))).toMatch(/^No access/);
  });

  it('other HTTP errors keep the error panel with its retry', async () => {
    await renderWithDashboard(<ErrorPanel error={new HttpError('assignments', 500, 'internal', 'boom')} onRetry={() => undefined} />);
    expect(await screen.findByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.queryByTestId('no-access')).toBeNull();
  });
});

describe('what the browser keeps belongs to one scope', () => {
  const config = { apiBaseUrl: '/api', mocks: false };
  const metaOf = (orgId?: string) => ({ ...exampleMeta, ...(orgId ? { scope: { orgId } } : {}) });
  type Placeholder = (prev: unknown, prevQuery: { queryKey: readonly unknown[] } | undefined) => unknown;

  it('the year dataset is keyed by the scope', () => {
    const a = yearDatasetQuery(config, 2025, metaOf('T1')).queryKey;
    const b = yearDatasetQuery(config, 2025, metaOf('T2')).queryKey;
    expect(a).not.toEqual(b);
    expect(yearDatasetQuery(config, 2025, metaOf()).queryKey).not.toEqual(a);
  });

  it('while another year loads, the previous one stays on screen — never another scope’s', () => {
    const prevData = { year: 2024 };
    const placeholder = yearDatasetQuery(config, 2025, metaOf('T2')).placeholderData as unknown as Placeholder;
    const sameScope = yearDatasetQuery(config, 2024, metaOf('T2')).queryKey;
    const otherScope = yearDatasetQuery(config, 2025, metaOf('T1')).queryKey;
    expect(placeholder(prevData, { queryKey: sameScope })).toBe(prevData);
    expect(placeholder(prevData, { queryKey: otherScope })).toBeUndefined();
  });
});
