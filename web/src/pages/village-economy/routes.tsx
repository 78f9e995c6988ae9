import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 村集体经济 and 消费帮扶 pages, spread into AppRoutes.tsx.

const CollectiveEconomyPage = lazy(() => import('./CollectiveEconomyPage.tsx'));
const ConsumerAssistancePage = lazy(() => import('./ConsumerAssistancePage.tsx'));

export const villageEconomyRoutes = [
  <Route
    key="/collective-economy"
    path="/collective-economy"
    element={
      <RequirePermission permission="programmes:read">
        <CollectiveEconomyPage />
      </RequirePermission>
    }
  />,
  <Route
    key="/consumer-assistance"
    path="/consumer-assistance"
    element={
      <RequirePermission permission="programmes:read">
        <ConsumerAssistancePage />
      </RequirePermission>
    }
  />,
];
