import type { z } from 'zod';
import type { createUserRequest, updateUserRequest, UserRow } from '#common/contracts/users.ts';
import { api } from './client.ts';

export type { UserRow };
export type CreateUserRequest = z.input<typeof createUserRequest>;
export type UpdateUserRequest = z.input<typeof updateUserRequest>;

export interface UserPage {
  items: UserRow[];
  nextAfterId: number | null;
  total: number;
  page: number;
  pageSize: number;
}

export const USERS_QUERY_KEY = ['users'] as const;

export const fetchUsers = (params: { q?: string; afterId?: number; limit?: number }) =>
  api.get<UserPage>('/api/users', params);

/** The users list's filters as they stand in the address. */
export const USER_FILTER_KEYS = ['q', 'role', 'active'] as const;
/** One numbered page of users with the total the filters match. */
export const fetchUserPage = (
  filters: Partial<Record<(typeof USER_FILTER_KEYS)[number], string>>,
  page: { page: number; pageSize: number; sort?: string; order?: string },
) => api.get<UserPage>('/api/users', { ...filters, ...page });

export const createUser = (request: CreateUserRequest) => api.post<UserRow>('/api/users', request);

export const updateUser = (id: number, request: UpdateUserRequest) => api.patch<UserRow>(`/api/users/${id}`, request);
