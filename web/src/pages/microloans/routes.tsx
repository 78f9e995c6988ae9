import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 小额信贷 page, spread into AppRoutes.tsx.

const MicroloansPage = lazy(() => import('./MicroloansPage.tsx'));

export const microloansRoutes = [
  <Route
    key="/microloans"
    path="/microloans"
    element={
      <RequirePermission permission="programmes:read">
        <MicroloansPage />
      </RequirePermission>
    }
  />,
];
