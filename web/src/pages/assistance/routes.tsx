import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { Permission } from '#common/domain/roles.ts';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';
import { hasPermission, useActor } from '#web/auth/session.ts';

// The assistance module's routes, spread into AppRoutes.tsx inside the signed-in layout. Every page is its own chunk.

const WorkspacePage = lazy(() => import('./WorkspacePage.tsx'));
const ObligationsPage = lazy(() => import('./ObligationsPage.tsx'));
const MeasuresPage = lazy(() => import('./MeasuresPage.tsx'));
const FundsPage = lazy(() => import('./FundsPage.tsx'));
const SubtypesPage = lazy(() => import('./SubtypesPage.tsx'));
const PairingsPage = lazy(() => import('./PairingsPage.tsx'));
const HouseholdAssistancePage = lazy(() => import('./HouseholdAssistancePage.tsx'));

/** /assistance opens the cadre workspace for a cadre, the obligations board for staff. */
function AssistanceIndex() {
  const { data: actor } = useActor();
  if (actor?.role === 'cadre') return <Navigate to="/assistance/workspace" replace />;
  return (
    <Navigate
      to={
        hasPermission(actor, 'assistance:read')
          ? '/assistance/obligations'
          : hasPermission(actor, 'relief:read')
            ? '/assistance/funds'
            : '/'
      }
      replace
    />
  );
}

const guarded = (path: string, permission: Permission, element: ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
);

export const assistanceRoutes = [
  <Route key="/assistance" path="/assistance" element={<AssistanceIndex />} />,
  guarded('/assistance/workspace', 'assistance:read', <WorkspacePage />),
  guarded('/assistance/obligations', 'assistance:read', <ObligationsPage />),
  guarded('/assistance/measures', 'assistance:read', <MeasuresPage />),
  guarded('/assistance/pairings', 'pairing:manage', <PairingsPage />),
  guarded('/assistance/funds', 'relief:read', <FundsPage />),
  guarded('/assistance/subtypes', 'assistance:read', <SubtypesPage />),
  guarded('/assistance/households/:id', 'assistance:read', <HouseholdAssistancePage />),
];
