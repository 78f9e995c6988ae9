import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '#common/domain/roles.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { QueryErrorResult } from '../components/QueryErrorResult.tsx';
import { hasPermission, useActor } from './session.ts';

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Signed-out visitors go to /login; accounts that must change their password go there first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const actorQuery = useActor();
  if (actorQuery.isPending) return <PageLoading fullScreen />;
  if (actorQuery.isError) return <QueryErrorResult error={actorQuery.error} onRetry={() => actorQuery.refetch()} />;
  const actor = actorQuery.data;
  if (!actor) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (actor.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}

/** Hides a page from roles without the permission; the API refuses them regardless. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { data: actor } = useActor();
  return hasPermission(actor, permission) ? children : <Navigate to="/" replace />;
}
