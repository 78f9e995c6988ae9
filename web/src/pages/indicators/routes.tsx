import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { Permission } from '#common/domain/roles.ts';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// The indicators module's routes, spread into AppRoutes.tsx inside the signed-in layout. Every page is its own
// chunk, and ECharts is loaded only when a chart is first drawn.

const CockpitPage = lazy(() => import('./CockpitPage.tsx'));
const DataEntryPage = lazy(() => import('./DataEntryPage.tsx'));
const ApprovalsPage = lazy(() => import('./ApprovalsPage.tsx'));
const TargetsPage = lazy(() => import('./TargetsPage.tsx'));
const AssessmentPage = lazy(() => import('./AssessmentPage.tsx'));

const guarded = (path: string, permission: Permission, element: ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
);

export const indicatorsRoutes = [
  <Route key="/indicators" path="/indicators" element={<Navigate to="/indicators/cockpit" replace />} />,
  guarded('/indicators/cockpit', 'indicators:read', <CockpitPage />),
  guarded('/indicators/entry', 'indicators:read', <DataEntryPage />),
  guarded('/indicators/approvals', 'indicators:read', <ApprovalsPage />),
  guarded('/indicators/targets', 'indicators:read', <TargetsPage />),
  guarded('/indicators/assessment', 'indicators:read', <AssessmentPage />),
];
