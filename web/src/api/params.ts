import type { z } from 'zod';
import type { ParamRowDto, resolvedParam, setParamRequest } from '#common/contracts/params.ts';
import { api } from './client.ts';

export type ParamRow = ParamRowDto;
export type ParamVersion = ParamRowDto['versions'][number];
export type ResolvedParam = z.infer<typeof resolvedParam>;
export type ResolvedParams = Record<string, ResolvedParam>;
export type SetParamRequest = z.input<typeof setParamRequest>;

export const paramKeys = {
  all: ['params'] as const,
  list: () => ['params', 'list'] as const,
  resolved: (period: string) => ['params', 'resolved', period] as const,
};

export const fetchParams = () => api.get<ParamRow[]>('/api/params');

/** Every parameter as in force in a month (YYYY-MM) for the actor's county. */
export const fetchResolvedParams = (period: string) => api.get<ResolvedParams>('/api/params/resolved', { period });

/** Adds a version; the answer is the whole list again. */
export const setParam = (request: SetParamRequest) => api.post<ParamRow[]>('/api/params', request);

/** The month a date falls in, as the API spells it. */
export function periodOfDate(date: Date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}
