import { LABOUR_SKILLS } from '#common/domain/registry/codes.ts';
import { zhOf } from '#common/domain/posts/codes.ts';
import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { exit, hire, household, listHires, recordMonth } from './posts.hires.ts';
import { exportHires, importHires } from './posts.ledger.ts';
import { createPost, listPosts } from './posts.setup.ts';
import { getHire, getPost, type PostsDeps } from './posts.shared.ts';

// 公益岗位 (沁发〔2021〕17号 §二(三)2 四是: 按需设岗、以岗聘任、在岗领补、有序退岗; §二(三)1 四是: 光伏电站收益设岗).
// Posts by village and type; a hire passes the pure eligibility rule (common/domain/posts/eligibility.ts) with the
// county's parameters in force on the hire date; months record attendance and the subsidy paid; an exit end-dates
// the hire (history kept). Every write is audited in its transaction. The registry's person.public_welfare_post
// follows the hires (set on a hire, cleared on the last exit) through registry/index.ts setPublicWelfarePost.
// One factory composing the use cases: posts (posts.setup.ts), hires, months, exits and the household section
// (posts.hires.ts), the ledger export and the sheet import (posts.ledger.ts), what they share (posts.shared.ts).

export function createPostsService(db: Db, box: PersonalDataBox, clock: Clock = systemClock) {
  const d: PostsDeps = { db, box, clock };
  return {
    listPosts: bindDeps(d, listPosts),
    getPost: bindDeps(d, getPost),
    createPost: bindDeps(d, createPost),
    listHires: bindDeps(d, listHires),
    getHire: bindDeps(d, getHire),
    hire: bindDeps(d, hire),
    exit: bindDeps(d, exit),
    recordMonth: bindDeps(d, recordMonth),
    household: bindDeps(d, household),
    exportHires: bindDeps(d, exportHires),
    importHires: bindDeps(d, importHires),
  };
}

export type PostsService = ReturnType<typeof createPostsService>;

/** The Chinese name of a labour-skill code (the household section shows it). */
export const labourZh = (code: string) => zhOf(LABOUR_SKILLS, code);
