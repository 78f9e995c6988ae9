/** A field-level error (AppError.validation's shape). */
export interface RuleError {
  field: string;
  messageZh: string;
  messageEn: string;
}
import type { ClaimStatus } from './codes.ts';

// 防贫保险 claims: reported (filed) → paid or refused. A paid claim is 理赔收入 of the year it was paid
// (policy-rules §3.4 收支情况 "家庭理赔收入"); see docs/insurance.md for how it reaches the income figure.

export interface ClaimFacts {
  /** The policy year the claim is made on. */
  policyYear: number;
  claimedOn: string;
  amountFen: number;
}

/** A new claim: on an insured year, reported no later than today and not before the policy year began. */
export function claimErrors(c: ClaimFacts, today: string): RuleError[] {
  const errors: RuleError[] = [];
  if (!Number.isSafeInteger(c.amountFen) || c.amountFen <= 0)
    errors.push({ field: 'amountFen', messageZh: '理赔金额须大于0', messageEn: 'The amount must be above zero' });
  if (c.claimedOn > today)
    errors.push({
      field: 'claimedOn',
      messageZh: '报案日期不能晚于今天',
      messageEn: 'The report date is in the future',
    });
  if (c.claimedOn < `${c.policyYear}-01-01`)
    errors.push({
      field: 'claimedOn',
      messageZh: `报案日期早于${c.policyYear}年度保单`,
      messageEn: `The report date is before the ${c.policyYear} policy`,
    });
  return errors;
}

export type ClaimDecision =
  { to: 'paid'; paidOn: string; amountFen: number } | { to: 'refused'; note: string | null | undefined };

/** Only a reported claim is decided; a payment falls between the report date and today; a refusal gives its reason. */
export function decisionErrors(
  claim: { status: ClaimStatus; claimedOn: string },
  d: ClaimDecision,
  today: string,
): RuleError[] {
  if (claim.status !== 'filed')
    return [
      {
        field: 'status',
        messageZh: claim.status === 'paid' ? '该理赔已赔付' : '该理赔已拒赔',
        messageEn: `The claim is already ${claim.status}`,
      },
    ];
  const errors: RuleError[] = [];
  if (d.to === 'paid') {
    if (d.paidOn < claim.claimedOn || d.paidOn > today)
      errors.push({
        field: 'paidOn',
        messageZh: '赔付日期须在报案日期之后且不晚于今天',
        messageEn: 'The payment date lies between the report date and today',
      });
    if (!Number.isSafeInteger(d.amountFen) || d.amountFen <= 0)
      errors.push({ field: 'amountFen', messageZh: '赔付金额须大于0', messageEn: 'The amount must be above zero' });
  } else if (!d.note || !d.note.trim())
    errors.push({ field: 'note', messageZh: '请填写拒赔原因', messageEn: 'Give the reason for the refusal' });
  return errors;
}

/** The income year a paid claim counts in: the year it was paid. */
export const incomeYearOf = (paidOn: string): number => Number(paidOn.slice(0, 4));

/**
 * What a payment does to 理赔收入 of its year (docs/insurance.md "Double counting"). `recordedFen` is the year's
 * 理赔收入 on the income record (null: no record), `ledgerFen` what earlier payments of this ledger added to it; the
 * rest was typed in by hand and may already hold this claim, so the officer must say whether it does
 * (`alreadyInIncome`). Saying yes is refused when the hand-typed part is smaller than the payment.
 */
export type PayoutStep =
  { kind: 'add' } | { kind: 'noIncomeRecord' } | { kind: 'alreadyCounted' } | { kind: 'refuse'; error: RuleError };

export function payoutStep(
  recordedFen: number | null,
  ledgerFen: number,
  amountFen: number,
  alreadyInIncome: boolean | undefined,
): PayoutStep {
  if (recordedFen === null) return { kind: 'noIncomeRecord' };
  const handTypedFen = recordedFen - ledgerFen;
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  if (alreadyInIncome === undefined)
    return handTypedFen > 0
      ? {
          kind: 'refuse',
          error: {
            field: 'alreadyInIncome',
            messageZh: `该户当年理赔收入中有手工录入的 ${yuan(handTypedFen)} 元，请说明本笔赔付是否已包含在内`,
            messageEn: `The year's 理赔收入 holds ${yuan(handTypedFen)} yuan typed by hand: say whether it already includes this payment`,
          },
        }
      : { kind: 'add' };
  if (!alreadyInIncome) return { kind: 'add' };
  return handTypedFen >= amountFen
    ? { kind: 'alreadyCounted' }
    : {
        kind: 'refuse',
        error: {
          field: 'alreadyInIncome',
          messageZh: `手工录入的理赔收入 ${yuan(Math.max(handTypedFen, 0))} 元少于本笔赔付 ${yuan(amountFen)} 元，不可能已包含`,
          messageEn: `The hand-typed 理赔收入 (${yuan(Math.max(handTypedFen, 0))} yuan) is less than this payment (${yuan(amountFen)} yuan)`,
        },
      };
}
