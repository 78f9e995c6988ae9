import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 驻村工作队, 社会力量帮扶 and 重点帮扶村和示范村 pages, spread into AppRoutes.tsx.

const ResidentTeamsPage = lazy(() => import('./ResidentTeamsPage.tsx'));
const SocialPairingPage = lazy(() => import('./SocialPairingPage.tsx'));
const KeyVillagesPage = lazy(() => import('./KeyVillagesPage.tsx'));

export const villageSupportRoutes = [
  <Route
    key="/resident-teams"
    path="/resident-teams"
    element={
      <RequirePermission permission="programmes:read">
        <ResidentTeamsPage />
      </RequirePermission>
    }
  />,
  <Route
    key="/social-pairing"
    path="/social-pairing"
    element={
      <RequirePermission permission="programmes:read">
        <SocialPairingPage />
      </RequirePermission>
    }
  />,
  <Route
    key="/key-villages"
    path="/key-villages"
    element={
      <RequirePermission permission="programmes:read">
        <KeyVillagesPage />
      </RequirePermission>
    }
  />,
];
