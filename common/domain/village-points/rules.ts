import type { PointsCategory } from './codes.ts';

// Pure rules of 积分制 (沁发〔2021〕17号 二(三)6 二是; policy-rules.md §8 “以表现换积分、以积分换物品”): an item adds points,
// a 违规 item deducts them; a redemption in the 积分超市 spends no more than the household's balance (never below zero);
// the village ranking is by points earned, equal points sharing a rank (1, 1, 3).

export interface FieldError {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** An item of a village's rules: a whole number of points, positive, or negative for a 违规扣分 item. */
export function ruleItemErrors(input: { category: PointsCategory; points: number }): FieldError[] {
  if (!Number.isInteger(input.points) || input.points === 0)
    return [{ field: 'points', messageZh: '分值须为非零整数', messageEn: 'Points are a non-zero whole number' }];
  if (input.category === 'violation' && input.points > 0)
    return [{ field: 'points', messageZh: '违规扣分项的分值应为负数', messageEn: 'A violation item deducts points' }];
  if (input.category !== 'violation' && input.points < 0)
    return [
      {
        field: 'points',
        messageZh: '加分项的分值应为正数（扣分请选“违规扣分”）',
        messageEn: 'Only a violation item deducts points',
      },
    ];
  return [];
}

/** The balance after a redemption, or the field error when it would fall below zero. */
export function redemptionErrors(balance: number, spend: number): FieldError[] {
  if (!Number.isInteger(spend) || spend <= 0)
    return [
      { field: 'points', messageZh: '兑换积分须为正整数', messageEn: 'Points spent are a positive whole number' },
    ];
  if (spend > balance)
    return [
      {
        field: 'points',
        messageZh: `积分余额不足（现有 ${balance} 分）`,
        messageEn: `Not enough points (balance ${balance})`,
      },
    ];
  return [];
}

/** A day not after today (awards and redemptions are recorded after the fact). */
export function notFutureErrors(field: string, on: string, today: string): FieldError[] {
  return on > today ? [{ field, messageZh: '日期不能晚于今天', messageEn: 'The date is in the future' }] : [];
}

/** Competition ranks of points in descending order: equal points share a rank, the next rank skips (1, 1, 3). */
export function competitionRanks(pointsDescending: readonly number[]): number[] {
  const ranks: number[] = [];
  pointsDescending.forEach((p, i) => {
    ranks.push(i > 0 && p === pointsDescending[i - 1] ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}
