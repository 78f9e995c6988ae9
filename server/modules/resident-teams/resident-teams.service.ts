import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { exportTeams } from './resident-teams.ledger.ts';
import { addLog, addMember, leave, recordAttendance } from './resident-teams.members.ts';
import type { ResidentTeamsDeps } from './resident-teams.shared.ts';
import { createTeam, end, getTeam, listTeams, rotate } from './resident-teams.teams.ts';
import { listVillages, setFlags } from './resident-teams.villages.ts';

// 驻村工作队 and 第一书记 (沁发〔2021〕17号 §三(二) 健全常态化驻村帮扶工作机制, §三(一)). A team is sent to a village by a
// unit with its members (第一书记 / 队长 / 队员); rotation ends the team in place and starts the next in one step (the
// village keeps its history); members' monthly days in the village are checked against the county's minimum
// (parameter residentTeams.minDaysPerMonth, "not found" in the plan); a work log. The county flags the villages the
// plan requires a team for (重点帮扶村, 易地搬迁安置点, 软弱涣散村: village_team_flag, kept here until the key-village
// and relocation modules own those facts); the village list shows those lacking one. Every write audited.
// One factory composing the use cases: teams, rotation and 撤离 (resident-teams.teams.ts), members, attendance and the
// log (resident-teams.members.ts), the villages and their flags (resident-teams.villages.ts), the ledger export
// (resident-teams.ledger.ts), what they share (resident-teams.shared.ts).

export function createResidentTeamsService(db: Db) {
  const d: ResidentTeamsDeps = { db };
  return {
    listTeams: bindDeps(d, listTeams),
    getTeam: bindDeps(d, getTeam),
    createTeam: bindDeps(d, createTeam),
    rotate: bindDeps(d, rotate),
    end: bindDeps(d, end),
    addMember: bindDeps(d, addMember),
    leave: bindDeps(d, leave),
    recordAttendance: bindDeps(d, recordAttendance),
    addLog: bindDeps(d, addLog),
    listVillages: bindDeps(d, listVillages),
    setFlags: bindDeps(d, setFlags),
    exportTeams: bindDeps(d, exportTeams),
  };
}

export type ResidentTeamsService = ReturnType<typeof createResidentTeamsService>;
