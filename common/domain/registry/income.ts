// Household income figures in fen (policy-rules §3.4).
//
//   家庭纯收入   netIncome  = wage + business + property + transfer − businessCost   [C]
//   家庭人均纯收入 perCapitaNetIncome = netIncome ÷ household size                    [C]
//   adjustedPerCapita = (netIncome + insurancePayout − eligibleOutOfPocket) ÷ size   [P]
//
// The national formula for the figure compared with the monitoring line was not
// found, so both per-capita values are computed here and the monitoring rules choose
// one through a policy parameter. Division rounds half up to the fen (Math.round
// semantics: ties go towards +∞, so −2.5 fen becomes −2), done in integers.

import type { Fen } from '../money.ts';
import type { HouseholdIncome } from './household.ts';

export interface IncomeSummary {
  householdSize: number;
  netIncome: Fen;
  perCapitaNetIncome: Fen;
  adjustedNetIncome: Fen;
  adjustedPerCapita: Fen;
}

function requireSafeFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole fen, got ${value}`);
}

/**
 * `total ÷ size` rounded half up to a whole fen. Integer quotient and remainder avoid
 * the binary error of `Math.round(total / size)` once totals grow large.
 */
export function divideFenHalfUp(total: Fen, size: number): Fen {
  requireSafeFen(total, 'total');
  if (!Number.isSafeInteger(size) || size < 1)
    throw new RangeError(`household size must be a positive integer, got ${size}`);
  // The floating quotient can be one off for huge totals; the loops correct it exactly.
  let q = Math.floor(total / size);
  let remainder = total - q * size;
  while (remainder < 0) {
    q -= 1;
    remainder += size;
  }
  while (remainder >= size) {
    q += 1;
    remainder -= size;
  }
  return 2 * remainder >= size ? q + 1 : q;
}

export function netIncome(income: HouseholdIncome): Fen {
  const net =
    income.wageIncome + income.businessIncome + income.propertyIncome + income.transferIncome - income.businessCost;
  requireSafeFen(net, 'netIncome');
  return net;
}

export function perCapitaNetIncome(income: HouseholdIncome, householdSize: number): Fen {
  return divideFenHalfUp(netIncome(income), householdSize);
}

/** Net income with large rigid spending taken into account: payouts in, compliant out-of-pocket spending out. */
export function adjustedNetIncome(income: HouseholdIncome): Fen {
  const adjusted = netIncome(income) + income.insurancePayout - income.eligibleOutOfPocket;
  requireSafeFen(adjusted, 'adjustedNetIncome');
  return adjusted;
}

export function adjustedPerCapita(income: HouseholdIncome, householdSize: number): Fen {
  return divideFenHalfUp(adjustedNetIncome(income), householdSize);
}

export function summariseIncome(income: HouseholdIncome, householdSize: number): IncomeSummary {
  return {
    householdSize,
    netIncome: netIncome(income),
    perCapitaNetIncome: perCapitaNetIncome(income, householdSize),
    adjustedNetIncome: adjustedNetIncome(income),
    adjustedPerCapita: adjustedPerCapita(income, householdSize),
  };
}
