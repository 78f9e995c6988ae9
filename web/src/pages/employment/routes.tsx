import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 就业与培训 pages, spread into AppRoutes.tsx.

const JobsPage = lazy(() => import('./JobsPage.tsx'));
const TrainingsPage = lazy(() => import('./TrainingsPage.tsx'));
const WorkshopsPage = lazy(() => import('./WorkshopsPage.tsx'));

const guarded = (path: string, page: React.ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission="assistance:read">{page}</RequirePermission>} />
);

export const employmentRoutes = [
  guarded('/employment/jobs', <JobsPage />),
  guarded('/employment/trainings', <TrainingsPage />),
  guarded('/employment/workshops', <WorkshopsPage />),
];
