import { useCallback } from 'react';
import { useOrgTree } from '../org/useOrgTree.ts';

/** Names of the units in the actor's tree (county → townships → villages load at once). */
export function useOrgNames() {
  const { model, treeQuery } = useOrgTree(false);
  const nameOf = useCallback((code: string) => model.units.get(code)?.name ?? code, [model]);
  return { nameOf, ready: !treeQuery.isPending };
}
