/** The `orgId` filter of `GET /v1/assignments`: an organisation and all its descendants. */
export function subtreeIds(orgs: readonly { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId);
    if (list) list.push(o.id);
    else children.set(o.parentId, [o.id]);
  }
  const ids = new Set([rootId]);
  for (const id of ids) for (const c of children.get(id) ?? []) ids.add(c);
  return ids;
}
