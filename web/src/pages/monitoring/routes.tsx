import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { Permission } from '#common/domain/roles.ts';
import { RequireAuth, RequirePermission } from '#web/auth/RequireAuth.tsx';
import { hasPermission, useActor } from '#web/auth/session.ts';

// The monitoring module's routes, spread into AppRoutes.tsx: `monitoringRoutes` inside the signed-in
// layout; `publicRoutes` (no session) and `fieldRoutes` (signed in, phone frame) beside /login, with
// no menu. Every page is its own chunk.

const CluesPage = lazy(() => import('./CluesPage.tsx'));
const VisitPage = lazy(() => import('./VisitPage.tsx'));
const WarningsPage = lazy(() => import('./WarningsPage.tsx'));
const RunsPage = lazy(() => import('./RunsPage.tsx'));
const FeedsPage = lazy(() => import('./FeedsPage.tsx'));
const ParamsPage = lazy(() => import('./ParamsPage.tsx'));
const FieldVisitPage = lazy(() => import('./FieldVisitPage.tsx'));
const ApplyPage = lazy(() => import('../public/ApplyPage.tsx'));

/** The module's pages in menu order, with the permission that shows each. */
export const MONITORING_PAGES: readonly {
  path: string;
  permission: Permission;
}[] = [
  { path: '/monitoring/clues', permission: 'clues:read' },
  { path: '/monitoring/visit', permission: 'visits:write' },
  { path: '/monitoring/warnings', permission: 'monitoring:read' },
  { path: '/monitoring/runs', permission: 'monitoring:read' },
  { path: '/monitoring/feeds', permission: 'feeds:read' },
  { path: '/monitoring/params', permission: 'params:read' },
];

/** /monitoring opens the first page this role may see (a paired cadre only records visits). */
function MonitoringIndex() {
  const { data: actor } = useActor();
  const first = MONITORING_PAGES.find((page) => hasPermission(actor, page.permission));
  return <Navigate to={first?.path ?? '/'} replace />;
}

const guarded = (path: string, permission: Permission, element: ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
);

export const monitoringRoutes = [
  <Route key="/monitoring" path="/monitoring" element={<MonitoringIndex />} />,
  guarded('/monitoring/clues', 'clues:read', <CluesPage />),
  guarded('/monitoring/visit', 'visits:write', <VisitPage />),
  guarded('/monitoring/warnings', 'monitoring:read', <WarningsPage />),
  guarded('/monitoring/runs', 'monitoring:read', <RunsPage />),
  guarded('/monitoring/feeds', 'feeds:read', <FeedsPage />),
  guarded('/monitoring/params', 'params:read', <ParamsPage />),
];

export const publicRoutes = [<Route key="/apply" path="/apply" element={<ApplyPage />} />];

/** Phone pages for signed-in field work, outside the desktop layout (sign-in still required). */
export const fieldRoutes = [
  <Route
    key="/visit"
    path="/visit"
    element={
      <RequireAuth>
        <RequirePermission permission="visits:write">
          <FieldVisitPage />
        </RequirePermission>
      </RequireAuth>
    }
  />,
];
