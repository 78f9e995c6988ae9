import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 易地搬迁后续扶持 page, spread into AppRoutes.tsx.
const RelocationPage = lazy(() => import('./RelocationPage.tsx'));

export const relocationRoutes = [
  <Route
    key="/relocation"
    path="/relocation"
    element={
      <RequirePermission permission="programmes:read">
        <RelocationPage />
      </RequirePermission>
    }
  />,
];
