import { sql } from 'drizzle-orm';
import type { VillageSection } from '#common/contracts/village-profile.ts';
import { queryRows, type Db } from '#server/db/connect.ts';

// 驻村工作队 in the 村情 (cockpit village view): the team in the village on `asOf`, its 第一书记 and members, and
// whether the county requires a team there (重点帮扶村, 易地搬迁安置点, 软弱涣散村) but none is in place.

export async function residentTeamVillageSection(
  db: Db,
  v: { orgCode: string; year: number; asOf: string },
): Promise<VillageSection> {
  const [team] = await queryRows<{ id: number; sending_unit: string; started_on: string }>(
    db,
    sql`SELECT id, sending_unit, started_on::text FROM resident_team WHERE org_code = ${v.orgCode}
      AND started_on <= ${v.asOf}::date AND (ended_on IS NULL OR ended_on >= ${v.asOf}::date) ORDER BY started_on DESC LIMIT 1`,
  );
  const members = team
    ? await queryRows<{ name: string; role: string }>(
        db,
        sql`SELECT name, role FROM resident_team_member WHERE team_id = ${team.id}
          AND joined_on <= ${v.asOf}::date AND (left_on IS NULL OR left_on >= ${v.asOf}::date) ORDER BY id`,
      )
    : [];
  const [flags] = await queryRows<{ key_village: boolean; relocation_site: boolean; weak_party: boolean }>(
    db,
    sql`SELECT key_village, relocation_site, weak_party FROM village_team_flag WHERE org_code = ${v.orgCode}`,
  );
  const required = [
    flags?.key_village ? '重点帮扶村' : null,
    flags?.relocation_site ? '易地搬迁安置点' : null,
    flags?.weak_party ? '软弱涣散村' : null,
  ].filter((x): x is string => x !== null);
  const secretary = members.find((m) => m.role === 'firstSecretary')?.name ?? null;
  return {
    key: 'residentTeam',
    titleZh: '驻村工作队',
    titleEn: 'Resident work team',
    link: '/resident-teams',
    facts: [
      {
        key: 'team',
        labelZh: '工作队',
        labelEn: 'Team',
        value: team ? `${team.sending_unit}（${team.started_on} 起）` : null,
        tone: !team && required.length ? 'warn' : undefined,
      },
      { key: 'firstSecretary', labelZh: '第一书记', labelEn: 'First secretary', value: secretary },
      { key: 'members', labelZh: '在村队员', labelEn: 'Members', value: members.length, unitZh: '人', unitEn: '' },
      {
        key: 'required',
        labelZh: '须派驻原因',
        labelEn: 'Team required as',
        value: required.length ? required.join('、') : null,
      },
    ],
  };
}
