import type { z } from 'zod';
import type { postInput, postListQuery, PostRow } from '#common/contracts/posts.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './posts.repository.ts';
import { getPost, toPostRow, type PostsDeps } from './posts.shared.ts';

// 按需设岗: the post list and setting up a post in a village.

export async function listPosts(d: PostsDeps, ctx: RequestContext, q: z.infer<typeof postListQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.postWhere(ctx.actor.scopePrefix, {
    orgPrefix: orgFilterPrefix(q.orgCode),
    postType: q.postType,
    status: q.status,
    q: q.q,
  });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listPosts(d.db, where, q, w), repo.countPosts(d.db, where)]);
  return { items: rows.map(toPostRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** A post is set up in a village; a funding asset is a photovoltaic station in use within the actor's scope. */
async function checkPost(d: PostsDeps, ctx: RequestContext, input: z.infer<typeof postInput>) {
  if (levelOfCode(input.orgCode) !== 'village')
    throw AppError.validation([
      { field: 'orgCode', messageZh: '公益岗位设在行政村', messageEn: 'A post is set up in a village' },
    ]);
  if (!input.assetId) return;
  const asset = await repo.photovoltaicAsset(d.db, ctx.actor.scopePrefix, input.assetId);
  if (!asset || !asset.photovoltaic || asset.status !== 'inUse')
    throw AppError.validation([
      {
        field: 'assetId',
        messageZh: '资金来源资产须为本辖区在用的光伏扶贫电站',
        messageEn: 'The funding asset must be a photovoltaic station in use within your scope',
      },
    ]);
}

/** 按需设岗: a post in a village; a photovoltaic post may name the PV asset whose income funds it. */
export async function createPost(
  d: PostsDeps,
  ctx: RequestContext,
  input: z.infer<typeof postInput>,
): Promise<PostRow> {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, input.orgCode);
  await checkPost(d, ctx, input);
  const id = await d.db.transaction(async (tx) => {
    const newId = await repo.insertPost(tx, {
      countyCode: countyCodeOf(input.orgCode),
      orgCode: input.orgCode,
      name: input.name,
      postType: input.postType,
      funding: input.funding,
      assetId: input.assetId ?? null,
      monthlySubsidyFen: input.monthlySubsidyFen,
      slots: input.slots,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'welfare_post',
      entityId: newId,
      orgCode: input.orgCode,
      after: input,
    });
    return newId;
  });
  return getPost(d, ctx, id);
}
