// 公益岗位 (server/modules/posts): paged lists, the household section, writes, ledger and import.
import type { z } from 'zod';
import type {
  hireDetail,
  hirePage,
  householdPosts,
  importReport,
  postInput,
  postPage,
} from '#common/contracts/posts.ts';
import { api, uploadSheet } from './client.ts';

export type PostPage = z.infer<typeof postPage>;
export type HirePage = z.infer<typeof hirePage>;
export type HireDetail = z.infer<typeof hireDetail>;
export type HouseholdPosts = z.infer<typeof householdPosts>;
export type PostInput = z.input<typeof postInput>;
export type PostImportReport = z.infer<typeof importReport>;

type Query = Record<string, string | number | undefined>;

export const postKeys = {
  all: ['posts'] as const,
  posts: () => ['posts', 'posts'] as const,
  hires: () => ['posts', 'hires'] as const,
  household: (id: number) => ['posts', 'household', id] as const,
};

export const fetchPosts = (q: Query) => api.get<PostPage>('/api/posts', q);
export const fetchHires = (q: Query) => api.get<HirePage>('/api/posts/hires', q);
export const fetchHouseholdPosts = (id: number) => api.get<HouseholdPosts>(`/api/posts/households/${id}`);
export const createPost = (body: PostInput) => api.post<unknown>('/api/posts', body);
export const hirePerson = (postId: number, body: { personId: number; hiredOn: string; cadreFamily: boolean }) =>
  api.post<HireDetail>(`/api/posts/${postId}/hires`, body);
export const exitHire = (hireId: number, body: { exitedOn: string; reason: string; note?: string }) =>
  api.post<HireDetail>(`/api/posts/hires/${hireId}/exit`, body);
export const recordMonth = (
  hireId: number,
  body: { period: string; daysWorked: number; subsidyFen: number; paidOn?: string | null },
) => api.post<HireDetail>(`/api/posts/hires/${hireId}/months`, body);

/** The ledger of what the list filters. */
export function hiresExportUrl(filters: Query): string {
  const q = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  ).toString();
  return `/api/posts/hires/export.xlsx${q ? `?${q}` : ''}`;
}

/** Uploads a township's .xlsx (multipart `file`); a dry run writes nothing. */
export const importPostsFile = (file: File, dryRun: boolean) =>
  uploadSheet<PostImportReport>(`/api/posts/import?dryRun=${dryRun ? 'true' : 'false'}`, file);
