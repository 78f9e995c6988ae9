import type { z } from 'zod';
import type { projectInput } from '#common/contracts/projects.ts';
import { entryGaps } from '#common/domain/projects/types.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { ProjectInsert, ProjectRecord } from './projects.repository.ts';

// What the project use cases share: the refusals, the budget sums, the form-to-column mapping, the
// entry exclusions (no 联农带农 or 绩效目标, no budget: not admitted) and the project_event row.

type Input = z.infer<typeof projectInput>;

export const NOT_FOUND = { zh: '项目', en: 'Project' };
export const STALE = new AppError('CONFLICT', {
  zh: '项目已被他人修改，请刷新后重试',
  en: 'The project was changed by someone else; reload and retry',
});

export function budgetOf(p: ProjectRecord) {
  return {
    central: p.budgetCentralFen,
    provincial: p.budgetProvincialFen,
    city: p.budgetCityFen,
    county: p.budgetCountyFen,
  };
}
export const total = (b: Record<string, number>) => Object.values(b).reduce((a, c) => a + c, 0);

export function columnsOf(input: Partial<Input>): Partial<ProjectInsert> {
  const out: Partial<ProjectInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.type !== undefined) out.type = input.type;
  if (input.subType !== undefined) out.subType = input.subType ?? null;
  if (input.year !== undefined) out.year = input.year;
  if (input.budget) {
    out.budgetCentralFen = input.budget.central;
    out.budgetProvincialFen = input.budget.provincial;
    out.budgetCityFen = input.budget.city;
    out.budgetCountyFen = input.budget.county;
  }
  if (input.beneficiaryHouseholds !== undefined) out.beneficiaryHouseholds = input.beneficiaryHouseholds;
  if (input.beneficiaryAlleviated !== undefined) out.beneficiaryAlleviated = input.beneficiaryAlleviated;
  if (input.beneficiaryVillages !== undefined) out.beneficiaryVillages = input.beneficiaryVillages;
  if (input.farmerLinkage !== undefined) out.farmerLinkage = input.farmerLinkage;
  if (input.performanceTargets !== undefined) out.performanceTargets = input.performanceTargets;
  if (input.workForRelief !== undefined) out.workForRelief = input.workForRelief;
  if (input.labourRemunerationFen !== undefined) out.labourRemunerationFen = input.labourRemunerationFen;
  if (input.deliberationId !== undefined) out.deliberationId = input.deliberationId ?? null;
  return out;
}

/** The entry exclusions of policy-rules §6 as field errors. */
export function requireEntryComplete(p: {
  farmerLinkage: string;
  performanceTargets: { indicator: string; value: string }[];
  budget: Record<string, number>;
}) {
  const gaps = entryGaps({
    farmerLinkage: p.farmerLinkage,
    performanceTargets: p.performanceTargets,
    budgetFen: total(p.budget),
  });
  if (gaps.length) throw AppError.validation(gaps);
}

/** A project_event row of an action by the actor on `on`. */
export function eventOf(
  ctx: RequestContext,
  on: string,
  projectId: number,
  e: {
    action: string;
    fromStage?: string | null;
    toStage?: string | null;
    reason?: string | null;
    changes?: Record<string, { before: unknown; after: unknown }> | null;
  },
) {
  return {
    projectId,
    ...e,
    actorId: ctx.actor.id || null,
    actorName: ctx.actor.displayName,
    actorRole: ctx.actor.role,
    on,
  };
}
