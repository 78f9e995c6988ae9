import { useQuery } from '@tanstack/react-query';
import type { ActorResponse } from '#common/contracts/auth.ts';
import type { Permission } from '#common/domain/roles.ts';
import { fetchCurrentActor, ME_QUERY_KEY } from '../api/auth.ts';

export type Actor = ActorResponse;

/** The signed-in actor (null when signed out). Fetched once and kept until login/logout. */
export function useActor() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchCurrentActor, staleTime: Infinity, retry: false });
}

/** Permissions come from the server's answer, so the UI never grants more than the API will. */
export function hasPermission(actor: Actor | null | undefined, permission: Permission): boolean {
  return actor?.permissions.includes(permission) ?? false;
}
