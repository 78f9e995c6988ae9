import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { decide, decision, decisions } from './key-villages.decisions.ts';
import { exportSheet } from './key-villages.ledger.ts';
import { list, saveScores } from './key-villages.scores.ts';
import type { KeyVillagesDeps } from './key-villages.shared.ts';

// 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2 "综合考虑行政村脱贫人口规模、集体经济收入和发展现状、区位条件、公共服务、
// 基础设施、资源禀赋等因素，确定一批乡村振兴重点帮扶村和示范村"). The sheet of a year: 脱贫人口 counted from the registry
// (registry/index.ts, the people of 脱贫户 now: the registry keeps no yearly snapshot), the year's collective income
// (collective-economy/index.ts), the county's hand scores; normalised and weighted county-wide (common/domain/
// key-villages/rules.ts, weights keyVillages.weight.*), ranked. Only the county scores and decides; townships and
// villages read their own villages' sheets. The decision in force (latest year, date, record) writes the indicators'
// KEY_VILLAGE and DEMO_VILLAGE groups (indicators/index.ts replaceOrgGroup) and the resident teams' 重点帮扶村 flags
// (resident-teams/index.ts setKeyVillageFlags) in its transaction: the decision is the one source of 重点帮扶村.
// One factory composing the use cases: the sheet and hand scores (key-villages.scores.ts), decisions
// (key-villages.decisions.ts), the export (key-villages.ledger.ts), what they share (key-villages.shared.ts).

export function createKeyVillagesService(db: Db) {
  const d: KeyVillagesDeps = { db };
  return {
    list: bindDeps(d, list),
    saveScores: bindDeps(d, saveScores),
    decisions: bindDeps(d, decisions),
    decision: bindDeps(d, decision),
    decide: bindDeps(d, decide),
    exportSheet: bindDeps(d, exportSheet),
  };
}

export type KeyVillagesService = ReturnType<typeof createKeyVillagesService>;
