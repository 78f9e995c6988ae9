import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 兜底保障 pages, spread into AppRoutes.tsx.
const UncoveredPage = lazy(() => import('./UncoveredPage.tsx'));

export const socialAssistanceRoutes = [
  <Route
    key="/social-assistance/uncovered"
    path="/social-assistance/uncovered"
    element={
      <RequirePermission permission="assistance:read">
        <UncoveredPage />
      </RequirePermission>
    }
  />,
];
