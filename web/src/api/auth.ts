import type { z } from 'zod';
import type { ActorResponse, changePasswordRequest, loginRequest } from '#common/contracts/auth.ts';
import { api, ApiError } from './client.ts';

export type LoginRequest = z.input<typeof loginRequest>;
export type ChangePasswordRequest = z.input<typeof changePasswordRequest>;

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in actor, or null when there is no valid session. */
export async function fetchCurrentActor(): Promise<ActorResponse | null> {
  try {
    return await api.get<ActorResponse>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const login = (request: LoginRequest) => api.post<ActorResponse>('/api/auth/login', request);
export const logout = () => api.post<unknown>('/api/auth/logout');
export const changePassword = (request: ChangePasswordRequest) => api.post<{ ok: true }>('/api/auth/password', request);
