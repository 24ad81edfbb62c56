import { describe, expect, it } from 'vitest';
import { childrenTier } from './tiers';

const tiers = [
  { id: 'district', name: { zh: '区总工会', en: 'District' } },
  { id: 'town', name: { zh: '镇街工会', en: 'Town' } },
  { id: 'grassroots', name: { zh: '基层工会', en: 'Grassroots' } },
];

describe('the tier of the root’s children', () => {
  it('a district: its towns, beside a union straight under it', () => {
    expect(childrenTier(tiers, ['town', 'grassroots', 'town', 'town']).id).toBe('town');
  });
  it('a town-scoped session: its grassroots unions', () => {
    expect(childrenTier(tiers, ['grassroots', 'grassroots']).id).toBe('grassroots');
  });
  it('a tie goes to the tier met first; no children (or unknown tiers) fall back to the second tier', () => {
    expect(childrenTier(tiers, ['grassroots', 'town']).id).toBe('grassroots');
    expect(childrenTier(tiers, []).id).toBe('town');
    expect(childrenTier(tiers.slice(0, 1), []).id).toBe('district');
  });
});
