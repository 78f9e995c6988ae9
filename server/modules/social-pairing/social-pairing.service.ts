import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { exportLedger } from './social-pairing.ledger.ts';
import { contribute, create, end, get, list, totals } from './social-pairing.pairings.ts';
import type { SocialPairingDeps } from './social-pairing.shared.ts';

// 社会力量帮扶 (沁发〔2021〕17号 §二(二)3 健全社会力量参与帮扶机制: 领导联系帮扶、单位结对帮扶、企业合作帮扶、学校医院对口
// 帮扶). A pairing ties a partner (unit, enterprise, school or hospital; the leader who answers for it) to a village
// from a start date; contributions record what it brought (funds in fen, a project, jobs) on a day. Totals per kind
// and per township over the filtered pairings; the ledger exports the same rows. Every write audited.
// One factory composing the use cases: pairings and contributions (social-pairing.pairings.ts), the ledger export
// (social-pairing.ledger.ts), what they share (social-pairing.shared.ts).

export function createSocialPairingService(db: Db) {
  const d: SocialPairingDeps = { db };
  return {
    list: bindDeps(d, list),
    totals: bindDeps(d, totals),
    get: bindDeps(d, get),
    create: bindDeps(d, create),
    contribute: bindDeps(d, contribute),
    end: bindDeps(d, end),
    exportLedger: bindDeps(d, exportLedger),
  };
}

export type SocialPairingService = ReturnType<typeof createSocialPairingService>;
