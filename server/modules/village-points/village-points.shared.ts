import type { PointsCategory } from '#common/domain/village-points/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type * as repo from './village-points.repository.ts';

// What the 积分制 use cases share (village-points.items.ts, .awards.ts, .shop.ts, .ledger.ts): the deps, the China
// day, the row shapes of the lists.

export interface PointsDeps {
  db: Db;
  clock: Clock;
}

export const RULE = { zh: '积分项目', en: 'Points item' };
export const ENTITY = 'points';

export const today = (d: PointsDeps) => todayInChina(d.clock());
export const thisYear = (d: PointsDeps) => Number(today(d).slice(0, 4));

export const toRule = (x: repo.RuleDbRow) => ({
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

export const toAward = (x: repo.AwardDbRow) => ({
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

export const toRedemption = (x: repo.RedemptionDbRow) => ({
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

export const toRank = (x: repo.RankingDbRow) => ({
  rank: Number(x.rank),
  orgCode: x.org_code,
  villageName: x.village_name,
  householdId: Number(x.household_id),
  householdNo: x.household_no,
  headName: x.head_name,
  earned: Number(x.earned),
  balance: Number(x.balance),
});
