import type { Db } from '#server/db/connect.ts';
import type { Clock } from '#server/lib/clock.ts';
import type { WorkflowFigures } from './assessment.scores.ts';
import type { IndicatorsService } from './indicators.service.ts';

// What the assessment (考核) use cases share (assessment.result.ts, assessment.scheme.ts): the deps the factory binds.

export interface AssessmentDeps {
  db: Db;
  indicators: IndicatorsService;
  clock: Clock;
  workflow: WorkflowFigures;
}
