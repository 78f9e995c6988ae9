import {
  createUserRequest,
  updateUserRequest,
  userIdParams,
  userListQuery,
  userPage,
  userRow,
} from '#common/contracts/users.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { UsersService } from './users.service.ts';

export function usersRoutes(app: App, users: UsersService): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表（分页、排序、合计）',
        querystring: userListQuery,
        response: { 200: userPage },
      },
    },
    async (req) => users.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: '用户详情', params: userIdParams, response: { 200: userRow } } },
    async (req) => users.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: '新建用户', body: createUserRequest, response: { 200: userRow } } },
    async (req) => users.create(requireCtx(req), req.body),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户',
        params: userIdParams,
        body: updateUserRequest,
        response: { 200: userRow },
      },
    },
    async (req) => users.update(requireCtx(req), req.params.id, req.body),
  );
}
