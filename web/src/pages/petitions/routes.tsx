import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 涉贫舆情与信访 pages, spread into AppRoutes.tsx.

const PetitionsPage = lazy(() => import('./PetitionsPage.tsx'));
const ZeroPetitionPage = lazy(() => import('./ZeroPetitionPage.tsx'));

export const petitionsRoutes = [
  <Route
    key="/petitions"
    path="/petitions"
    element={
      <RequirePermission permission="clues:read">
        <PetitionsPage />
      </RequirePermission>
    }
  />,
  <Route
    key="/petitions/zero"
    path="/petitions/zero"
    element={
      <RequirePermission permission="clues:read">
        <ZeroPetitionPage />
      </RequirePermission>
    }
  />,
];
