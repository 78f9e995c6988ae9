import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '#web/auth/RequireAuth.tsx';

// 公益岗位 page, spread into AppRoutes.tsx.

const PostsPage = lazy(() => import('./PostsPage.tsx'));

export const postsRoutes = [
  <Route
    key="/posts"
    path="/posts"
    element={
      <RequirePermission permission="programmes:read">
        <PostsPage />
      </RequirePermission>
    }
  />,
];
