/** The first screen on a thin link: the server's summary goes first, the year's resources start once it is in. */
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { renderApp, TEST_API, waitForData } from './render';

describe('first screen', () => {
  it('the year waits for the summary (they would share a phone link), then loads; a 404 summary changes nothing else', async () => {
    const events: string[] = [];
    server.use(
      http.get(`${TEST_API}/v1/summary`, async () => {
        events.push('summary asked');
        await delay(300);
        events.push('summary answered');
        return HttpResponse.json({ error: { code: 'not_found', message: 'no summary here' } }, { status: 404 });
      }),
      // noted, then answered by the mock backend's own handler
      http.get(`${TEST_API}/v1/assignments`, () => {
        events.push('assignments asked');
      }),
    );
    renderApp('/');
    await waitForData();
    expect(events[0]).toBe('summary asked');
    expect(events.indexOf('assignments asked')).toBeGreaterThan(events.indexOf('summary answered'));
  });
});
