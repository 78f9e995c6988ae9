import {
  HOUSEHOLD_KINDS,
  MONITORING_TYPES,
  type CodeEntry,
  type HouseholdKind,
  type MonitoringType,
} from '../registry/codes.ts';

// Which 监测对象类型 a household of each 户类型 may be identified as (policy-rules §1.2):
//   脱贫不稳定户   — a 脱贫户 within the monitoring range;
//   边缘易致贫户   — an ordinary household (一般农户) within the range;
//   突发严重困难户 — either kind, above the range but in sudden serious difficulty.
// The identification procedure offers and accepts only these; the registry's composition rule
// (monitoringTypeKind) refuses the same pairs on a save.

const zh = (list: readonly CodeEntry[], code: string) => list.find((e) => e.code === code)?.zh ?? code;

export const MONITORING_TYPES_BY_KIND: Readonly<Record<HouseholdKind, readonly MonitoringType[]>> = {
  alleviated: ['unstable', 'suddenHardship'],
  ordinary: ['edge', 'suddenHardship'],
};

/** The types a household of this kind may be identified as, in code-list order (none for an unknown kind). */
export function allowedMonitoringTypes(kind: string): readonly MonitoringType[] {
  return Object.hasOwn(MONITORING_TYPES_BY_KIND, kind) ? MONITORING_TYPES_BY_KIND[kind as HouseholdKind] : [];
}

export function monitoringTypeFits(kind: string, type: string): boolean {
  return (allowedMonitoringTypes(kind) as readonly string[]).includes(type);
}

/** The field message refusing a type the household's kind does not allow, or null when it fits. */
export function monitoringTypeKindError(kind: string, type: string, field = 'monitoringType') {
  if (monitoringTypeFits(kind, type)) return null;
  const kindZh = zh(HOUSEHOLD_KINDS, kind);
  const allowed = allowedMonitoringTypes(kind);
  const allowedZh = allowed.map((t) => zh(MONITORING_TYPES, t)).join('或');
  return {
    field,
    messageZh: `${kindZh}不能认定为${zh(MONITORING_TYPES, type)}${allowed.length ? `，只能认定为${allowedZh}` : ''}`,
    messageEn: `A household of kind ${kind} cannot be identified as ${type}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`,
  };
}
