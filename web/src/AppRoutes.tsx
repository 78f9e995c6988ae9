import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth, RequirePermission, CHANGE_PASSWORD_PATH } from './auth/RequireAuth.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { fieldRoutes, monitoringRoutes, publicRoutes } from './pages/monitoring/routes.tsx';
import { assistanceRoutes } from './pages/assistance/routes.tsx';
import { casesRoutes } from './pages/cases/routes.tsx';
import { projectsRoutes } from './pages/projects/routes.tsx';
import { assetsRoutes } from './pages/assets/routes.tsx';
import { employmentRoutes } from './pages/employment/routes.tsx';
import { postsRoutes } from './pages/posts/routes.tsx';
import { insuranceRoutes } from './pages/insurance/routes.tsx';
import { microloansRoutes } from './pages/microloans/routes.tsx';
import { socialAssistanceRoutes } from './pages/social-assistance/routes.tsx';
import { relocationRoutes } from './pages/relocation/routes.tsx';
import { villageEconomyRoutes } from './pages/village-economy/routes.tsx';
import { villageSupportRoutes } from './pages/village-support/routes.tsx';
import { petitionsRoutes } from './pages/petitions/routes.tsx';
import { villagePointsRoutes } from './pages/village-points/routes.tsx';
import { indicatorsRoutes } from './pages/indicators/routes.tsx';
import { analysisRoutes } from './pages/analysis/routes.tsx';

// Every page is its own chunk: the login page must not pay for the tree, tables or charts.
const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx'));
const AppLayout = lazy(() => import('./components/AppLayout.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage.tsx'));
const OrgTreePage = lazy(() => import('./pages/org/OrgTreePage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const RegistryRoutes = lazy(() => import('./pages/registry/RegistryRoutes.tsx'));
const HelpPage = lazy(() => import('./pages/help/HelpPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {publicRoutes}
        {fieldRoutes}
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          {/* 工作台: every role lands on what is due today. */}
          <Route index element={<HomePage />} />
          <Route path="/org" element={<OrgTreePage />} />
          {monitoringRoutes}
          {assistanceRoutes}
          {casesRoutes}
          {projectsRoutes}
          {assetsRoutes}
          {employmentRoutes}
          {postsRoutes}
          {insuranceRoutes}
          {microloansRoutes}
          {socialAssistanceRoutes}
          {relocationRoutes}
          {villageEconomyRoutes}
          {villageSupportRoutes}
          {petitionsRoutes}
          {villagePointsRoutes}
          {indicatorsRoutes}
          {analysisRoutes}
          <Route
            path="/users"
            element={
              <RequirePermission permission="users:read">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="/registry/*"
            element={
              <RequirePermission permission="registry:read">
                <RegistryRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="/audit"
            element={
              <RequirePermission permission="audit:read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
          <Route path="/help/:page?" element={<HelpPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
