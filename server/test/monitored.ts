import {
  createHouseholdRequest,
  MONITORING_FIELDS,
  type HouseholdDetail,
  type MonitoringStatusInput,
} from '#common/contracts/registry.ts';
import { systemContext } from '../lib/context.ts';
import type { TestEnv } from './test-app.ts';

/**
 * A household that is already monitored. The HTTP create refuses a monitoring status, so the fixture is made as the
 * national import makes one: the registry service's `createMonitored` with the system context, the status recorded
 * as its own `importNational` timeline entry. `body` is a create request (e.g. `householdRequest({...})`).
 */
export async function createMonitoredHousehold(
  env: Pick<TestEnv, 'services'>,
  body: unknown,
): Promise<HouseholdDetail> {
  const parsed = createHouseholdRequest.parse(body);
  const status = Object.fromEntries(
    MONITORING_FIELDS.map((f) => [f, parsed[f] ?? (f === 'riskTypes' ? [] : null)]),
  ) as unknown as MonitoringStatusInput;
  const household = { ...parsed };
  for (const f of MONITORING_FIELDS) delete household[f];
  return env.services.registry.createMonitored(systemContext('test'), household, status, {
    action: 'importNational',
    reason: '测试数据：全国防返贫监测信息系统的监测信息',
  });
}

/** Whether a create request carries a monitoring status (which only `createMonitoredHousehold` may make). */
export function givesMonitoringStatus(body: Partial<Record<(typeof MONITORING_FIELDS)[number], unknown>>): boolean {
  return MONITORING_FIELDS.some((f) => body[f] != null && !(Array.isArray(body[f]) && body[f].length === 0));
}
