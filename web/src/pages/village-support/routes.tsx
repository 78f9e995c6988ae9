import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../auth/RequireAuth.tsx';

// 驻村工作队 and 社会力量帮扶 pages, spread into AppRoutes.tsx.

const ResidentTeamsPage = lazy(() => import('./ResidentTeamsPage.tsx'));
const SocialPairingPage = lazy(() => import('./SocialPairingPage.tsx'));

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
];
