import type { OutletKind } from './codes.ts';

// Pure rules of 村集体经济 and 消费帮扶. Amounts in fen, dates ISO (China day), months YYYY-MM.

export interface CollectiveAmounts {
  assetFen: number;
  photovoltaicFen: number;
  landFen: number;
  operationsFen: number;
  otherFen: number;
}

/** A village collective's income of the year: the sum of its sources. */
export function collectiveTotalFen(a: CollectiveAmounts): number {
  return a.assetFen + a.photovoltaicFen + a.landFen + a.operationsFen + a.otherFen;
}

/** A weak village (薄弱村): the year's collective income strictly below the line (`collective.weakIncomeFen`). */
export function isWeakVillage(totalFen: number, weakLineFen: number): boolean {
  return totalFen < weakLineFen;
}

export interface OutletSpan {
  kind: OutletKind;
  openedOn: string;
  closedOn: string | null;
}

/** An outlet counts on a day when it opened on or before it and has not closed by it (closed on the day: gone). */
export function outletOpenOn(o: Pick<OutletSpan, 'openedOn' | 'closedOn'>, day: string): boolean {
  return o.openedOn <= day && (o.closedOn === null || o.closedOn > day);
}

export interface OutletProgress {
  kind: OutletKind;
  built: number;
  target: number;
  /** Outlets still to build (0 when the target is met). */
  shortfall: number;
  met: boolean;
}

/** 专馆/专区/专柜 open on the day against the targets (parameters `consumer.target*`). */
export function outletProgress(
  outlets: readonly OutletSpan[],
  targets: Record<OutletKind, number>,
  day: string,
): OutletProgress[] {
  return (['pavilion', 'zone', 'counter'] as const).map((kind) => {
    const built = outlets.filter((o) => o.kind === kind && outletOpenOn(o, day)).length;
    const target = targets[kind];
    return { kind, built, target, shortfall: Math.max(0, target - built), met: built >= target };
  });
}

export interface FieldError {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** A month's sales at an outlet: within the outlet's open months and not in the future. */
export function saleErrors(s: {
  period: string;
  openedOn: string;
  closedOn: string | null;
  today: string;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (s.period > s.today.slice(0, 7))
    errors.push({ field: 'period', messageZh: '不能登记未来月份', messageEn: 'The month is in the future' });
  else if (s.period < s.openedOn.slice(0, 7) || (s.closedOn !== null && s.period > s.closedOn.slice(0, 7)))
    errors.push({
      field: 'period',
      messageZh: '月份须在网点开设期间内',
      messageEn: 'The month lies outside the outlet’s open period',
    });
  return errors;
}

/** A year's collective income is entered for a year that has begun (the China day's year or earlier). */
export function collectiveYearErrors(year: number, today: string): FieldError[] {
  return year > Number(today.slice(0, 4))
    ? [{ field: 'year', messageZh: '不能登记未来年度', messageEn: 'The year is in the future' }]
    : [];
}

/** A product's supplier: a 脱贫户 (or monitored household) of the registry, still open, or a cooperative by name. */
export function supplierErrors(s: {
  supplierKind: 'household' | 'cooperative';
  household: { kind: string; monitoringStatus: string | null; closed: boolean } | null;
  supplierName: string | null;
}): FieldError[] {
  if (s.supplierKind === 'cooperative')
    return s.supplierName
      ? []
      : [{ field: 'supplierName', messageZh: '请填写合作社名称', messageEn: 'Name the cooperative' }];
  if (!s.household)
    return [{ field: 'householdId', messageZh: '本辖区无此农户', messageEn: 'No such household in your scope' }];
  if (s.household.closed)
    return [{ field: 'householdId', messageZh: '该户已注销', messageEn: 'The household is closed' }];
  if (s.household.kind !== 'alleviated' && s.household.monitoringStatus !== 'monitored')
    return [
      {
        field: 'householdId',
        messageZh: '供货农户须为脱贫户或监测对象',
        messageEn: 'The supplying household must be alleviated or monitored',
      },
    ];
  return [];
}
