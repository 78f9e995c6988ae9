import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// The asset ledger and asset pages, spread into AppRoutes.tsx.

const AssetsPage = lazy(() => import('./AssetsPage.tsx'));
const AssetDetailPage = lazy(() => import('./AssetDetailPage.tsx'));

export const assetsRoutes = [
  <Route
    key="/assets"
    path="/assets"
    element={
      <RequirePermission permission="assets:read">
        <AssetsPage />
      </RequirePermission>
    }
  />,
  <Route
    key="/assets/:id"
    path="/assets/:id"
    element={
      <RequirePermission permission="assets:read">
        <AssetDetailPage />
      </RequirePermission>
    }
  />,
];
