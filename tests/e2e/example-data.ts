/** The methodology's worked example as a backend's data (a fresh copy per call, so tests may edit it). */
import { readFileSync } from 'node:fs';
import type { ApiData } from '../../server/serve';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../fixtures/example/${f}`, import.meta.url), 'utf8')) as unknown;

export default function example(): ApiData {
  return {
    meta: read('meta.json'),
    years: { 2025: { methodology: read('methodology.json'), orgs: read('orgs.json'), assignments: read('assignments.json') } },
  };
}
