/** Scoped sessions in the views: a 403 says "no access" (not an error with a retry); an outside link too. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/api/errors';
import { describeError, ErrorPanel } from '../../src/ui/StatusPanel';
import { translator } from '../../src/i18n';
import { renderWithDashboard } from '../support/dashboard';

describe('no access', () => {
  it('an API 403 shows the no-access message without a retry button, in either language', async () => {
    await renderWithDashboard(<ErrorPanel error={new HttpError('assignments', 403, 'forbidden', 'outside the scope')} onRetry={() => undefined} />);
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
