import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { addMonths, firstDayOf } from '#common/domain/period.ts';
import type { EmploymentService } from './employment.service.ts';

// Demo data for `npm start`: jobs (in the county, in the province, out of it; one ended by a 离岗 follow-up),
// training with and without certificates for labourers of 龙港镇's 脱贫户 and monitored households, and a 扶贫车间
// in 东庄村. Dates are relative to today so that the month's figures and "stable employment" show both cases.
// Deterministic (people by id) and run once.

const TOWNSHIP = '140521100';
const PLACES = [
  { placeKind: 'county', place: '沁水县城', employer: '县城建筑工地', income: 320_000 },
  { placeKind: 'province', place: '晋城市', employer: '晋城某物流公司', income: 420_000 },
  { placeKind: 'outOfProvince', place: '河南省郑州市', employer: '郑州某电子厂', income: 520_000 },
] as const;

export async function loadEmploymentDemo(
  services: { db: Db; employment: EmploymentService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, employment } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM employment_record`);
  if (n > 0) return;
  const people = await queryRows<{ id: number; village_code: string }>(
    db,
    sql`SELECT p.id, h.village_code FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE h.village_code LIKE ${TOWNSHIP + '%'} AND h.closed_on IS NULL
        AND (h.kind = 'alleviated' OR h.monitoring_status = 'monitored')
        AND p.labour_skill IN ('skilled', 'ordinary', 'weak')
      ORDER BY h.id, p.id LIMIT 12`,
  );
  if (people.length === 0) return;
  const month = todayInChina().slice(0, 7);
  const workshop = await employment.createWorkshop(ctx, {
    villageCode: people[0].village_code,
    name: '手工编织扶贫车间',
    operator: '沁水县某编织专业合作社',
    recognisedOn: '2021-05-10',
    employeesTotal: 18,
    employeesAssisted: 11,
    subsidyFen: 2_000_000,
    subsidyPaidOn: '2021-07-15',
    status: 'active',
    note: null,
  });
  let jobs = 0;
  for (const [i, p] of people.entries()) {
    if (i % 4 === 3) continue; // some labourers without a job
    const where = PLACES[i % PLACES.length];
    // Started 3 to 14 months ago: some are stably employed, some not yet.
    const startOn = firstDayOf(addMonths(month, -(3 + ((i * 5) % 12))));
    const job = await employment.createJob(ctx, {
      personId: Number(p.id),
      placeKind: where.placeKind,
      place: where.place,
      employer: i % 5 === 0 ? workshop.name : where.employer,
      startOn,
      monthlyIncomeFen: where.income,
      workshopId: i % 5 === 0 ? workshop.id : null,
    });
    jobs++;
    if (i % 3 === 0) await employment.addFollowUp(ctx, job.id, { on: firstDayOf(month), status: 'working' });
    if (i === 2) await employment.addFollowUp(ctx, job.id, { on: firstDayOf(addMonths(month, -1)), status: 'left' });
  }
  let trainings = 0;
  for (const [i, p] of people.entries()) {
    if (i % 3 === 2) continue;
    const startOn = firstDayOf(addMonths(month, -(6 + i)));
    await employment.createTraining(ctx, {
      personId: Number(p.id),
      kind: i % 2 ? 'skillUpgrade' : 'employmentSkill',
      course: ['电工', '家政服务', '中式烹调', '农机驾驶'][i % 4],
      provider: '沁水县职业技能培训中心',
      startOn,
      endOn: firstDayOf(addMonths(month, -(5 + i))),
      ...(i % 2 === 0
        ? {
            certificateKind: 'skillLevel' as const,
            certificateNo: `ZJ${String(1000 + i)}`,
            certifiedOn: firstDayOf(addMonths(month, -(4 + i))),
          }
        : {}),
    });
    trainings++;
  }
  log(`就业培训演示数据 / employment demo: ${jobs} 条务工记录，${trainings} 条培训记录，扶贫车间 1 个`);
}
