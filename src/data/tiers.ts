/** Tiers as the views name them. */
import type { Tier } from '../api/schemas';

/**
 * The tier of the root's children, which titles name what ranks them ("镇街工会建家指数排名"): a district's towns,
 * a town-scoped session's grassroots unions. Where the root has children of several tiers (a union straight under
 * the district), the tier most of them are in (the first met on a tie); without children, the second tier.
 */
export function childrenTier(tiers: readonly Tier[], childTierIds: readonly string[]): Tier {
  const counts = new Map<string, number>();
  for (const id of childTierIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  let most: string | undefined;
  for (const [id, n] of counts) if (most === undefined || n > counts.get(most)!) most = id;
  return tiers.find((t) => t.id === most) ?? tiers[Math.min(1, tiers.length - 1)];
}
