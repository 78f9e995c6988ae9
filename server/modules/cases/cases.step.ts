import type { z } from 'zod';
import type { Stage } from '#common/domain/cases/workflow.ts';
import type { Db } from '#server/db/connect.ts';
import { issueToField } from '#server/http/validation.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import { insertStep, type CaseRecord } from './cases.repository.ts';

// What every case use case shares: the step record (case_step row, linked attachments and the audit
// row, in the caller's transaction), stage-record parsing with field errors, and the common refusals.

export type Fields = Record<string, unknown>;

export const notFound = () => AppError.notFound({ zh: '事项', en: 'Case' });
export const conflict = (zh: string, en: string) => new AppError('CONFLICT', { zh, en });
export const stale = () =>
  conflict('该事项已被他人处理，请刷新后再试', 'The case was changed by someone else; reload it');

/** A stage record parsed by its schema; a bad field is a 400 naming it. */
export function parseStage<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = r.error.issues.map((issue) => issueToField(issue));
  throw AppError.validation(fields.map((f) => ({ ...f, field: f.field || 'fields' })));
}

export interface StepInput {
  action: 'start' | 'complete' | 'reject' | 'close' | 'startNotice';
  from: Stage | null;
  to: Stage;
  note?: string | null;
  data?: Fields;
  attachmentIds?: number[];
}

export type RecordStep = (tx: Db, ctx: RequestContext, c: CaseRecord, s: StepInput) => Promise<unknown>;

/** Records one step of a case: its row, the attachments it brings and the audit entry. */
export function createStepRecorder(attachments: AttachmentsService): RecordStep {
  return async function step(tx, ctx, c, s) {
    const row = await insertStep(tx, {
      countyCode: c.countyCode,
      caseId: c.id,
      action: s.action,
      fromStage: s.from,
      toStage: s.to,
      actorId: ctx.actor.id || null,
      actorName: ctx.actor.displayName,
      actorRole: ctx.actor.role,
      actorOrgCode: ctx.actor.orgCode,
      note: s.note ?? null,
      data: s.data ?? {},
    });
    if (s.attachmentIds?.length) {
      requirePermission(ctx, 'attachments:write');
      await attachments.link(tx, ctx, {
        ids: s.attachmentIds,
        ownerKind: 'caseStep',
        ownerId: row.id,
        orgCode: c.villageCode,
      });
    }
    await recordAudit(tx, ctx, {
      action: s.action,
      entity: 'case',
      entityId: c.id,
      orgCode: c.villageCode,
      before: s.from ? { stage: s.from } : null,
      after: {
        stage: s.to,
        kind: c.kind,
        householdId: c.householdId,
        note: s.note ?? null,
        attachments: s.attachmentIds ?? [],
      },
    });
    return row;
  };
}
