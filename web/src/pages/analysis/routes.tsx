import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 政策试算 and 多维剥夺 pages, spread into AppRoutes.tsx.

const WhatIfPage = lazy(() => import('./WhatIfPage.tsx'));
const DeprivationPage = lazy(() => import('./DeprivationPage.tsx'));

const guarded = (path: string, page: React.ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission permission="analysis:read">{page}</RequirePermission>} />
);

export const analysisRoutes = [
  guarded('/analysis/whatif', <WhatIfPage />),
  guarded('/analysis/deprivation', <DeprivationPage />),
];
