import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isWithinScope } from '#common/domain/org-code.ts';
import { fetchOrgChildren, fetchOrgTree, type OrgUnit } from '#web/api/org.ts';
import { ancestorCodes, buildOrgTreeModel } from './orgTreeModel.ts';
import { keys } from '#web/api/queryKeys.ts';

/**
 * The actor's part of the org tree, two levels at first and deeper on demand.
 * The org page includes closed units (greyed, pointing to their successor); pickers do not.
 */
export function useOrgTree(includeClosed: boolean) {
  const queryClient = useQueryClient();
  const treeQuery = useQuery({ queryKey: keys.org.tree(includeClosed), queryFn: () => fetchOrgTree(includeClosed) });
  const [lazilyLoaded, setLazilyLoaded] = useState<Record<string, OrgUnit[]>>({});
  const loadedRef = useRef(lazilyLoaded);
  loadedRef.current = lazilyLoaded;

  const model = useMemo(() => buildOrgTreeModel(treeQuery.data ?? [], lazilyLoaded), [treeQuery.data, lazilyLoaded]);

  const loadChildren = useCallback(
    async (code: string) => {
      const children = await queryClient.fetchQuery({
        queryKey: keys.org.children(code, includeClosed),
        queryFn: () => fetchOrgChildren(code, includeClosed),
        staleTime: 60_000,
      });
      setLazilyLoaded((previous) => ({ ...previous, [code]: children }));
      return children;
    },
    [queryClient, includeClosed],
  );

  /** Loads every level above `code` that is inside the tree and returns the keys to expand. */
  const revealPath = useCallback(
    async (code: string): Promise<string[]> => {
      const rootCodes = model.roots;
      const path = ancestorCodes(code).filter((ancestor) => rootCodes.some((root) => isWithinScope(ancestor, root)));
      for (const ancestor of path) {
        if (!model.childrenOf.has(ancestor) && !loadedRef.current[ancestor]) await loadChildren(ancestor);
      }
      return path;
    },
    [model, loadChildren],
  );

  return { treeQuery, model, loadChildren, revealPath };
}
