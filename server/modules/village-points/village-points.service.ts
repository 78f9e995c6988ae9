import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  pointsAwardInput,
  pointsAwardQuery,
  pointsExportQuery,
  pointsRankingQuery,
  pointsRedemptionInput,
  pointsRedemptionQuery,
  pointsRuleInput,
  pointsRuleQuery,
} from '../../../common/contracts/village-points.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { POINTS_CATEGORIES, zhOf, type PointsCategory } from '../../../common/domain/village-points/codes.ts';
import { notFutureErrors, redemptionErrors, ruleItemErrors } from '../../../common/domain/village-points/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import { loadHousehold } from '../registry/index.ts';
import * as repo from './village-points.repository.ts';

// 积分制 and 移风易俗 (沁发〔2021〕17号 二(三)6 二是 “综合运用积分制…开展移风易俗”; policy-rules.md §8: “以表现换积分、以积分
// 换物品”, no national schedule — each village's own items). An item belongs to a village and is adopted by a decided
// 四议两公开 record of that village (deliberation/index.ts requireDecided). Awards give a household of the item's village
// the item's points (with reason, day, who); redemptions in the 积分超市 spend points, never below a zero balance (checked
// under a per-household lock in the same transaction). The ranking orders a village's households by points earned in the
// year. Every write audited; the ledger exports rules, awards, redemptions and the ranking of the filters.

const RULE = { zh: '积分项目', en: 'Points item' };
const ENTITY = 'points';

export function createVillagePointsService(db: Db, clock: Clock = systemClock) {
  const today = () => todayInChina(clock());
  const thisYear = () => Number(today().slice(0, 4));

  const toRule = (x: repo.RuleDbRow) => ({
    id: x.rule.id,
    orgCode: x.rule.orgCode,
    villageName: x.villageName,
    townshipName: x.townshipName,
    deliberationId: x.rule.deliberationId,
    deliberationSubject: x.deliberationSubject,
    name: x.rule.name,
    category: x.rule.category as PointsCategory,
    points: x.rule.points,
    note: x.rule.note,
    active: x.rule.active,
    awards: Number(x.awards),
  });
  const toAward = (x: repo.AwardDbRow) => ({
    id: x.award.id,
    orgCode: x.award.orgCode,
    villageName: x.villageName,
    householdId: x.award.householdId,
    householdNo: x.householdNo,
    headName: x.headName,
    ruleId: x.award.ruleId,
    ruleName: x.ruleName,
    category: x.category as PointsCategory,
    points: x.award.points,
    awardedOn: x.award.awardedOn,
    reason: x.award.reason,
    awardedBy: x.award.awardedBy,
  });
  const toRedemption = (x: repo.RedemptionDbRow) => ({
    id: x.redemption.id,
    orgCode: x.redemption.orgCode,
    villageName: x.villageName,
    householdId: x.redemption.householdId,
    householdNo: x.householdNo,
    headName: x.headName,
    goods: x.redemption.goods,
    quantity: x.redemption.quantity,
    points: x.redemption.points,
    redeemedOn: x.redemption.redeemedOn,
    note: x.redemption.note,
    recordedBy: x.redemption.recordedBy,
  });
  const toRank = (x: repo.RankingDbRow) => ({
    rank: Number(x.rank),
    orgCode: x.org_code,
    villageName: x.village_name,
    householdId: Number(x.household_id),
    householdNo: x.household_no,
    headName: x.head_name,
    earned: Number(x.earned),
    balance: Number(x.balance),
  });

  async function listRules(ctx: RequestContext, q: z.infer<typeof pointsRuleQuery>) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.ruleWhere(ctx.actor.scopePrefix, {
      orgPrefix: orgFilterPrefix(q.orgCode),
      category: q.category,
    });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listRules(db, where, q, w), repo.countRules(db, where)]);
    return { items: rows.map(toRule), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** A village's item, adopted by a decided 四议两公开 record of that village. */
  async function createRule(ctx: RequestContext, input: z.infer<typeof pointsRuleInput>) {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, input.orgCode);
    if (
      levelOfCode(input.orgCode) !== 'village' ||
      !(await repo.villageExists(db, ctx.actor.scopePrefix, input.orgCode))
    )
      throw AppError.validation([
        { field: 'orgCode', messageZh: '积分制由行政村制定', messageEn: 'A village sets its points rules' },
      ]);
    const errors = ruleItemErrors(input);
    if (errors.length) throw AppError.validation(errors);
    await requireDecided(db, ctx, input.deliberationId, input.orgCode);
    const id = await db.transaction(async (tx) => {
      const newId = await repo.insertRule(tx, {
        countyCode: countyCodeOf(input.orgCode),
        orgCode: input.orgCode,
        deliberationId: input.deliberationId,
        name: input.name,
        category: input.category,
        points: input.points,
        note: input.note || null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'points_rule',
        entityId: newId,
        orgCode: input.orgCode,
        after: input,
      });
      return newId;
    });
    const [row] = await repo.listRules(
      db,
      repo.ruleWhere(ctx.actor.scopePrefix, { id }),
      {},
      { pageSize: 1, offset: 0 },
    );
    return toRule(row!);
  }

  async function listAwards(ctx: RequestContext, q: z.infer<typeof pointsAwardQuery>) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.awardWhere(ctx.actor.scopePrefix, { ...q, orgPrefix: orgFilterPrefix(q.orgCode) });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listAwards(db, where, q, w), repo.countAwards(db, where)]);
    return { items: rows.map(toAward), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** Points to a household of the item's village, on a day not after today, with the reason. */
  async function award(ctx: RequestContext, input: z.infer<typeof pointsAwardInput>) {
    requirePermission(ctx, 'programmes:write');
    const { household } = await loadHousehold(db, ctx, input.householdId);
    const rule = await repo.findRule(db, ctx.actor.scopePrefix, input.ruleId);
    if (!rule) throw AppError.notFound(RULE);
    if (!rule.active)
      throw AppError.validation([{ field: 'ruleId', messageZh: '该积分项目已停用', messageEn: 'The item is retired' }]);
    if (household.villageCode !== rule.orgCode)
      throw AppError.validation([
        {
          field: 'householdId',
          messageZh: '农户须为该积分项目所在村的农户',
          messageEn: 'The household lives in another village',
        },
      ]);
    const errors = notFutureErrors('awardedOn', input.awardedOn, today());
    if (errors.length) throw AppError.validation(errors);
    const id = await db.transaction(async (tx) => {
      const newId = await repo.insertAward(tx, {
        countyCode: rule.countyCode,
        orgCode: rule.orgCode,
        householdId: household.id,
        ruleId: rule.id,
        points: rule.points,
        awardedOn: input.awardedOn,
        reason: input.reason,
        awardedBy: ctx.actor.displayName,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'award',
        entity: ENTITY,
        entityId: household.householdNo,
        orgCode: rule.orgCode,
        after: {
          awardId: newId,
          ruleId: rule.id,
          points: rule.points,
          awardedOn: input.awardedOn,
          reason: input.reason,
        },
      });
      return newId;
    });
    return { id, ...(await repo.balanceOf(db, household.id)), householdId: household.id };
  }

  async function listRedemptions(ctx: RequestContext, q: z.infer<typeof pointsRedemptionQuery>) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.redemptionWhere(ctx.actor.scopePrefix, { ...q, orgPrefix: orgFilterPrefix(q.orgCode) });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listRedemptions(db, where, q, w), repo.countRedemptions(db, where)]);
    return { items: rows.map(toRedemption), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** 积分超市: goods for points, never more than the balance (checked under the household's lock). */
  async function redeem(ctx: RequestContext, input: z.infer<typeof pointsRedemptionInput>) {
    requirePermission(ctx, 'programmes:write');
    const { household } = await loadHousehold(db, ctx, input.householdId);
    const dateErrors = notFutureErrors('redeemedOn', input.redeemedOn, today());
    if (dateErrors.length) throw AppError.validation(dateErrors);
    const id = await db.transaction(async (tx) => {
      await repo.lockHouseholdPoints(tx, household.id);
      const { balance } = await repo.balanceOf(tx, household.id);
      const errors = redemptionErrors(balance, input.points);
      if (errors.length) throw AppError.validation(errors);
      const newId = await repo.insertRedemption(tx, {
        countyCode: household.countyCode,
        orgCode: household.villageCode,
        householdId: household.id,
        goods: input.goods,
        quantity: input.quantity,
        points: input.points,
        redeemedOn: input.redeemedOn,
        note: input.note || null,
        recordedBy: ctx.actor.displayName,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'redeem',
        entity: ENTITY,
        entityId: household.householdNo,
        orgCode: household.villageCode,
        before: { balance },
        after: { redemptionId: newId, ...input, balance: balance - input.points },
      });
      return newId;
    });
    return { id, ...(await repo.balanceOf(db, household.id)), householdId: household.id };
  }

  async function balance(ctx: RequestContext, householdId: number) {
    requirePermission(ctx, 'programmes:read');
    const { household } = await loadHousehold(db, ctx, householdId);
    return { householdId: household.id, ...(await repo.balanceOf(db, household.id)) };
  }

  async function ranking(ctx: RequestContext, q: z.infer<typeof pointsRankingQuery>) {
    requirePermission(ctx, 'programmes:read');
    const f = { orgPrefix: orgFilterPrefix(q.orgCode), year: q.year ?? thisYear() };
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([
      repo.ranking(db, ctx.actor.scopePrefix, f, w),
      repo.rankingCount(db, ctx.actor.scopePrefix, f),
    ]);
    return { year: f.year, items: rows.map(toRank), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** 积分制台账 (.xlsx): items, awards and redemptions of the year, and the ranking, for the unit filtered. */
  async function exportLedger(ctx: RequestContext, q: z.infer<typeof pointsExportQuery>) {
    requirePermission(ctx, 'programmes:read');
    const year = q.year ?? thisYear();
    const orgPrefix = orgFilterPrefix(q.orgCode);
    const scope = ctx.actor.scopePrefix;
    const ruleWhere = repo.ruleWhere(scope, { orgPrefix });
    const awardWhere = repo.awardWhere(scope, { orgPrefix, year });
    const redemptionWhere = repo.redemptionWhere(scope, { orgPrefix, year });
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: ENTITY,
        orgCode: ctx.actor.orgCode,
        after: { ledger: '积分制台账', filters: q },
      }),
    );
    const size = 500;
    async function* pages<T>(read: (w: { pageSize: number; offset: number }) => Promise<T[]>): AsyncGenerator<T> {
      for (let offset = 0; ; offset += size) {
        const batch = await read({ pageSize: size, offset });
        yield* batch;
        if (batch.length < size) return;
      }
    }
    async function* ruleRows(): AsyncGenerator<Cell[]> {
      for await (const x of pages((w) => repo.listRules(db, ruleWhere, {}, w))) {
        const r = toRule(x);
        yield [
          r.townshipName,
          r.villageName,
          r.name,
          zhOf(POINTS_CATEGORIES, r.category),
          r.points,
          r.deliberationSubject,
          r.awards,
          r.active ? '在用' : '停用',
        ];
      }
    }
    async function* awardRows(): AsyncGenerator<Cell[]> {
      for await (const x of pages((w) => repo.listAwards(db, awardWhere, {}, w))) {
        const r = toAward(x);
        yield [
          r.villageName,
          r.householdNo,
          r.headName,
          r.ruleName,
          zhOf(POINTS_CATEGORIES, r.category),
          r.points,
          r.awardedOn,
          r.reason,
          r.awardedBy,
        ];
      }
    }
    async function* redemptionRows(): AsyncGenerator<Cell[]> {
      for await (const x of pages((w) => repo.listRedemptions(db, redemptionWhere, {}, w))) {
        const r = toRedemption(x);
        yield [r.villageName, r.householdNo, r.headName, r.goods, r.quantity, r.points, r.redeemedOn, r.recordedBy];
      }
    }
    async function* rankRows(): AsyncGenerator<Cell[]> {
      for await (const x of pages((w) => repo.ranking(db, scope, { orgPrefix, year }, w))) {
        const r = toRank(x);
        yield [r.villageName, r.rank, r.householdNo, r.headName, r.earned, r.balance];
      }
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '积分项目',
            headers: [
              '乡镇',
              '村',
              '积分项目',
              '类别',
              { header: '分值', kind: 'integer' },
              '四议两公开依据',
              { header: '已记分(次)', kind: 'integer' },
              '状态',
            ],
            rows: ruleRows(),
          },
          {
            title: `${year}年积分记录`,
            headers: [
              '村',
              '户编号',
              '户主',
              '积分项目',
              '类别',
              { header: '积分', kind: 'integer' },
              { header: '日期', kind: 'date' },
              '事由',
              '记分人',
            ],
            rows: awardRows(),
          },
          {
            title: `${year}年积分兑换`,
            headers: [
              '村',
              '户编号',
              '户主',
              '兑换物品',
              { header: '数量', kind: 'integer' },
              { header: '使用积分', kind: 'integer' },
              { header: '兑换日期', kind: 'date' },
              '经办人',
            ],
            rows: redemptionRows(),
          },
          {
            title: `${year}年积分排行`,
            headers: [
              '村',
              { header: '名次', kind: 'integer' },
              '户编号',
              '户主',
              { header: '本年积分', kind: 'integer' },
              { header: '积分余额', kind: 'integer' },
            ],
            rows: rankRows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return { listRules, createRule, listAwards, award, listRedemptions, redeem, balance, ranking, exportLedger };
}

export type VillagePointsService = ReturnType<typeof createVillagePointsService>;
