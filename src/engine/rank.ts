import { EPSILON } from './levels';

/**
 * Standard competition ranking (1, 2, 2, 4) by value descending, where values
 * within EPSILON of each other tie: rank(u) = 1 + #{v : value(v) ≥ value(u) + EPSILON}.
 * Writes into `out` at each member's position; `members` is reordered.
 */
export function competitionRanks(members: number[], values: Float64Array, out: Int32Array): void {
  members.sort((a, b) => values[b] - values[a]);
  let ahead = 0;
  for (let k = 0; k < members.length; k++) {
    const v = values[members[k]];
    while (values[members[ahead]] - v >= EPSILON) ahead++;
    out[members[k]] = ahead + 1;
  }
}
