import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 防贫保险 page, spread into AppRoutes.tsx.

const InsurancePage = lazy(() => import('./InsurancePage.tsx'));

export const insuranceRoutes = [
  <Route
    key="/insurance"
    path="/insurance"
    element={
      <RequirePermission permission="programmes:read">
        <InsurancePage />
      </RequirePermission>
    }
  />,
];
