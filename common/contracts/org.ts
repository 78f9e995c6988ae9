import { z } from 'zod';
import { ORG_LEVELS } from '../domain/roles.ts';
import { ORG_CODE_PATTERN } from '../domain/org-code.ts';
import { queryFlag } from './paging.ts';

export const orgCode = z
  .string()
  .regex(ORG_CODE_PATTERN, { message: '区划代码须为 12 位数字 / must be a 12-digit code' });

export const orgUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  kind: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
  synthetic: z.boolean(),
  /** An estimated date or a made-up code, said in words. */
  note: z.string().nullable(),
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgTreeNode: z.ZodType<OrgTreeNode> = z.lazy(() => orgUnit.extend({ children: z.array(orgTreeNode) }));
export type OrgTreeNode = OrgUnit & { children: OrgTreeNode[] };

export const orgListQuery = z.object({
  asOf: z.iso.date().optional(),
  includeClosed: queryFlag().optional(),
});

export const orgSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const orgTreeQuery = orgListQuery.extend({
  depth: z.coerce.number().int().min(1).max(4).default(2),
});
