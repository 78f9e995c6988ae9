import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '#common/domain/roles.ts';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// The cases module's routes, spread into AppRoutes.tsx inside the signed-in layout. Each page is its own chunk.

const CasesPage = lazy(() => import('./CasesPage.tsx'));
const CaseDetailPage = lazy(() => import('./CaseDetailPage.tsx'));
const NoticePrintPage = lazy(() => import('./NoticePrintPage.tsx'));
const DuePage = lazy(() => import('./DuePage.tsx'));
const ZeroingPage = lazy(() => import('./ZeroingPage.tsx'));
const LedgersPage = lazy(() => import('./LedgersPage.tsx'));

const guarded = (path: string, permission: Permission, element: ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
);

export const casesRoutes = [
  guarded('/cases', 'cases:read', <CasesPage />),
  guarded('/cases/due', 'cases:read', <DuePage />),
  guarded('/cases/zeroing', 'cases:read', <ZeroingPage />),
  guarded('/cases/ledgers', 'cases:export', <LedgersPage />),
  guarded('/cases/:id', 'cases:read', <CaseDetailPage />),
  guarded('/cases/:id/notice/:kind', 'cases:read', <NoticePrintPage />),
];
