import { todayInChina } from '#server/lib/clock.ts';
import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { prepareJobsExport, prepareTrainingExport, prepareWorkshopExport } from './employment.exports.ts';
import { importFile, importTemplate } from './employment.file-import.ts';
import { figures, household } from './employment.figures.ts';
import { addFollowUp, createJob, getJob, listJobs, updateJob } from './employment.jobs.ts';
import type { EmploymentDeps } from './employment.shared.ts';
import { createTraining, listTrainings } from './employment.trainings.ts';
import { createWorkshop, listWorkshopPage, updateWorkshopRow } from './employment.workshops.ts';

// Employment and training (就业与培训, 沁发〔2021〕17号 §二(三)2): jobs, 稳岗 follow-ups, training with certificates,
// 扶贫车间. Permission, scope (a paired cadre: his households only), rules, one transaction with audit per write.
// One factory composing the use cases: jobs and follow-ups (employment.jobs.ts), training (.trainings.ts),
// workshops (.workshops.ts), the month's figures and the household section (.figures.ts), the ledgers
// (.exports.ts), the 人社 file import and its template (.file-import.ts), what they share (.shared.ts).

export { employmentParams, reachOfCtx, spellsByPerson } from './employment.shared.ts';

export function createEmploymentService(
  db: Db,
  box: PersonalDataBox,
  clock: { today: () => string } = { today: () => todayInChina() },
) {
  const d: EmploymentDeps = { db, box, clock };
  return {
    importFile: bindDeps(d, importFile),
    importTemplate: bindDeps(d, importTemplate),
    listJobs: bindDeps(d, listJobs),
    getJob: bindDeps(d, getJob),
    createJob: bindDeps(d, createJob),
    updateJob: bindDeps(d, updateJob),
    addFollowUp: bindDeps(d, addFollowUp),
    listTrainings: bindDeps(d, listTrainings),
    createTraining: bindDeps(d, createTraining),
    listWorkshops: bindDeps(d, listWorkshopPage),
    createWorkshop: bindDeps(d, createWorkshop),
    updateWorkshop: bindDeps(d, updateWorkshopRow),
    figures: bindDeps(d, figures),
    household: bindDeps(d, household),
    prepareJobsExport: bindDeps(d, prepareJobsExport),
    prepareTrainingExport: bindDeps(d, prepareTrainingExport),
    prepareWorkshopExport: bindDeps(d, prepareWorkshopExport),
    today: () => clock.today(),
  };
}
export type EmploymentService = ReturnType<typeof createEmploymentService>;
