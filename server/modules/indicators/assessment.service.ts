import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { result } from './assessment.result.ts';
import { saveScheme } from './assessment.scheme.ts';
import { defaultWorkflowFigures, type WorkflowFigures } from './assessment.scores.ts';
import type { AssessmentDeps } from './assessment.shared.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { assessmentWorkbook } from './indicators.xlsx.ts';

// 考核 (the county's assessment of its townships). One factory composing the use cases: the year's scored and ranked
// table (assessment.result.ts), setting the scheme (assessment.scheme.ts), the table's workbook (indicators.xlsx.ts).

export { defaultWorkflowFigures, type WorkflowFigures };

export function createAssessmentService(
  db: Db,
  indicators: IndicatorsService,
  opts: { clock?: Clock; workflow?: WorkflowFigures } = {},
) {
  const d: AssessmentDeps = {
    db,
    indicators,
    clock: opts.clock ?? systemClock,
    workflow: opts.workflow ?? defaultWorkflowFigures,
  };
  return { result: bindDeps(d, result), saveScheme: bindDeps(d, saveScheme), workbook: assessmentWorkbook };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
