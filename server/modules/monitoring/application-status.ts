import type { z } from 'zod';
import type { applicationStatusRequest, applicationStatusResponse } from '#common/contracts/clues.ts';
import { applicationProgress, PROGRESS_TEXT } from '#common/domain/monitoring/application-status.ts';
import { normaliseIdNumber } from '#common/domain/id-card.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { applicationStatusRow } from './clues.repository.ts';

// 查询办理进度 on the public page. The receipt number alone is guessable (it follows the clue id), so
// the applicant's ID number must match the one given with the application; a wrong pair and an
// unknown receipt get the same answer.

export async function applicationStatus(
  db: Db,
  box: PersonalDataBox,
  input: z.infer<typeof applicationStatusRequest>,
): Promise<z.infer<typeof applicationStatusResponse>> {
  const clueId = Number(input.receipt.slice(2));
  const idHash = box.hash(normaliseIdNumber(input.idNumber));
  const row = await applicationStatusRow(db, clueId, idHash);
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
