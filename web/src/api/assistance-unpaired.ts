// Monitored households without an active cadre pairing (the workbench's 未结对的监测户 card opens this list).
import type { z } from 'zod';
import type { unpairedResponse } from '#common/contracts/assistance.ts';
import { api } from './client.ts';

export type UnpairedResponse = z.infer<typeof unpairedResponse>;
export type UnpairedRow = UnpairedResponse['items'][number];
export const unpairedKey = ['assistance', 'unpaired'] as const;
export const fetchUnpaired = (page: { page: number; pageSize: number; sort?: string; order?: 'asc' | 'desc' }) =>
  api.get<UnpairedResponse>('/api/assistance/unpaired', { ...page });
