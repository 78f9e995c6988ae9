import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// The registry module's pages, each its own chunk; mounted at /registry/* (registry:read).
const RegistrySearchPage = lazy(() => import('./RegistrySearchPage.tsx'));
const HouseholdPage = lazy(() => import('./HouseholdPage.tsx'));
const NewHouseholdPage = lazy(() => import('./NewHouseholdPage.tsx'));
const ReviewsPage = lazy(() => import('./ReviewsPage.tsx'));
const QualityPage = lazy(() => import('./QualityPage.tsx'));
const QualityRulePage = lazy(() => import('./QualityRulePage.tsx'));
const TransferPage = lazy(() => import('./TransferPage.tsx'));
const NotFoundPage = lazy(() => import('../NotFoundPage.tsx'));

export default function RegistryRoutes() {
  return (
    <Routes>
      <Route index element={<RegistrySearchPage />} />
      <Route path="households/:id" element={<HouseholdPage />} />
      <Route
        path="new"
        element={
          <RequirePermission permission="registry:write">
            <NewHouseholdPage />
          </RequirePermission>
        }
      />
      <Route
        path="reviews"
        element={
          <RequirePermission permission="registry:review">
            <ReviewsPage />
          </RequirePermission>
        }
      />
      <Route path="quality" element={<QualityPage />} />
      <Route path="quality/rule" element={<QualityRulePage />} />
      {/* Import and export each check their own permission on the page. */}
      <Route path="transfer" element={<TransferPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
