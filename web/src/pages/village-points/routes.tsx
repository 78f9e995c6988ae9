import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 积分制 page, spread into AppRoutes.tsx.

const VillagePointsPage = lazy(() => import('./VillagePointsPage.tsx'));

export const villagePointsRoutes = [
  <Route
    key="/village-points"
    path="/village-points"
    element={
      <RequirePermission permission="programmes:read">
        <VillagePointsPage />
      </RequirePermission>
    }
  />,
];
