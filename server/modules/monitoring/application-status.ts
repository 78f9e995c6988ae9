import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { applicationStatusRequest, applicationStatusResponse } from '../../../common/contracts/clues.ts';
import { applicationProgress, PROGRESS_TEXT } from '../../../common/domain/monitoring/application-status.ts';
import type { Stage } from '../../../common/domain/cases/workflow.ts';
import { normaliseIdNumber } from '../../../common/domain/id-card.ts';
import { queryRows, type Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';

// 查询办理进度 on the public page. The receipt number alone is guessable (it follows the clue id), so
// the applicant's ID number must match the one given with the application; a wrong pair and an
// unknown receipt get the same answer.

interface Row {
  clueStatus: 'open' | 'closed';
  appliedAt: string;
  caseStage: Stage | null;
  caseStatus: 'active' | 'done' | 'closed' | null;
  noticeEndsOn: string | null;
}

export async function applicationStatus(
  db: Db,
  box: PersonalDataBox,
  input: z.infer<typeof applicationStatusRequest>,
): Promise<z.infer<typeof applicationStatusResponse>> {
  const clueId = Number(input.receipt.slice(2));
  const idHash = box.hash(normaliseIdNumber(input.idNumber));
  const [row] = await queryRows<Row>(
    db,
    sql`SELECT c.status AS "clueStatus", to_char(s.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "appliedAt",
        mc.stage AS "caseStage", mc.status AS "caseStatus", mc.notice_ends_on::text AS "noticeEndsOn"
      FROM clue c
      JOIN clue_signal s ON s.clue_id = c.id AND s.channel = 'selfApplication' AND s.source = 'public-page' AND s.evidence->>'idHash' = ${idHash}
      LEFT JOIN LATERAL (SELECT stage, status, notice_ends_on FROM monitoring_case WHERE clue_id = c.id AND kind = 'identification' ORDER BY id DESC LIMIT 1) mc ON true
      WHERE c.id = ${clueId}
      ORDER BY s.id LIMIT 1`,
  );
  if (!row) {
    throw AppError.notFound({
      zh: '未找到该申请：请核对回执号和身份证号码',
      en: 'No such application: check the receipt and the ID number',
    });
  }
  const progress = applicationProgress(row);
  return {
    receipt: input.receipt,
    progress,
    textZh: PROGRESS_TEXT[progress].zh,
    textEn: PROGRESS_TEXT[progress].en,
    appliedOn: row.appliedAt,
    noticeEndsOn: progress === 'publicNotice' ? row.noticeEndsOn : null,
  };
}
