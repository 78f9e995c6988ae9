import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { Permission } from '#common/domain/roles.ts';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// The project library, linkage funds, fund checks and 四议两公开 pages, spread into AppRoutes.tsx.

const ProjectsPage = lazy(() => import('./ProjectsPage.tsx'));
const FundsPage = lazy(() => import('./FundsPage.tsx'));
const FundChecksPage = lazy(() => import('./FundChecksPage.tsx'));
const DeliberationsPage = lazy(() => import('./DeliberationsPage.tsx'));

const guarded = (path: string, permission: Permission, element: ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
);

export const projectsRoutes = [
  guarded('/projects', 'projects:read', <ProjectsPage />),
  guarded('/projects/funds', 'funds:read', <FundsPage />),
  guarded('/projects/checks', 'funds:read', <FundChecksPage />),
  guarded('/projects/deliberations', 'deliberation:read', <DeliberationsPage />),
  <Route key="/projects/library" path="/projects/library" element={<Navigate to="/projects" replace />} />,
];
