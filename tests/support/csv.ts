/** Capture and read the CSVs the app hands to the browser as downloads. */
import { vi } from 'vitest';
import type { Org } from '../../src/api/schemas';
import type { OrgScores } from '../../src/engine';

export function captureDownloads() {
  const blobs: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:test';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { blobs, restore: () => [create, revoke, click].forEach((s) => s.mockRestore()) };
}

/** Parse our CSV (RFC 4180 quoting; no embedded newlines in this data). */
export function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let cur = '';
      let quoted = false;
      for (let k = 0; k < line.length; k++) {
        const ch = line[k];
        if (quoted) {
          if (ch === '"' && line[k + 1] === '"') {
            cur += '"';
            k++;
          } else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          cells.push(cur);
          cur = '';
        } else cur += ch;
      }
      cells.push(cur);
      return cells;
    });
}

/** A number as the CSV writes it: rounded to 2 decimals, empty when undefined. */
export const cell = (v: number | undefined) => (v === undefined ? '' : String(Math.round(v * 100) / 100));

/** The English organisations CSV row the engine's scores call for: `id,name,tier,parentId,index,own,sub,grade,rank,<categories>,alert`. */
export function expectedOrgRow(org: Org, s: OrgScores): string[] {
  return [
    org.id,
    org.name,
    org.tier,
    org.parentId ?? '',
    cell(s.index),
    cell(s.own),
    cell(s.sub),
    s.grade ?? '',
    s.rankInTier ? String(s.rankInTier) : '',
    ...s.categories.map(cell),
    s.ownAlert,
  ];
}
