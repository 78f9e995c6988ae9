import type { z } from 'zod';
import type { applicationStatusRequest } from '#common/contracts/clues.ts';
import { listUnits } from '../org/index.ts';
import { applicationStatus } from './application-status.ts';
import type { ChannelsDeps } from './channels.shared.ts';

// What the public application page reads without login: an application's progress and the villages one may apply in.

/** 查询办理进度 on the public page: the receipt and the applicant's ID number must match. */
export const status = (d: ChannelsDeps, input: z.infer<typeof applicationStatusRequest>) =>
  applicationStatus(d.db, d.box, input);

/** The open villages one may apply in, with their township's name (the public page's choice). */
export async function publicVillages(d: ChannelsDeps) {
  const townships = new Map(
    (await listUnits(d.db, '', { level: 'township', includeClosed: false })).map((t) => [t.code, t.name]),
  );
  const villages = await listUnits(d.db, '', { level: 'village', includeClosed: false });
  return villages.map((u) => ({ code: u.code, name: u.name, townshipName: townships.get(u.parentCode!) ?? '' }));
}
