import type { z } from 'zod';
import type { createUserRequest, updateUserRequest, UserRow } from '../../../common/contracts/users.ts';
import { api } from './client.ts';

export type { UserRow };
export type CreateUserRequest = z.input<typeof createUserRequest>;
export type UpdateUserRequest = z.input<typeof updateUserRequest>;

export interface UserPage {
  items: UserRow[];
  nextAfterId: number | null;
}

export const USERS_QUERY_KEY = ['users'] as const;

export const fetchUsers = (params: { q?: string; afterId?: number; limit?: number }) =>
  api.get<UserPage>('/api/users', params);

export const createUser = (request: CreateUserRequest) => api.post<UserRow>('/api/users', request);

export const updateUser = (id: number, request: UpdateUserRequest) => api.patch<UserRow>(`/api/users/${id}`, request);
