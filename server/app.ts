import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { OPENAPI_OPTIONS } from './http/api-docs.ts';
import { registerErrorHandling } from './http/errors.ts';
import { errorSerializer, requestSerializer } from './http/log-redaction.ts';
import { registerUploadOriginCheck } from './http/origin.ts';
import { registerSecureTransport } from './http/secure-transport.ts';
import { registerSlowRequestLog } from './http/slow-requests.ts';
import { registerSession, requireSignedIn } from './http/session.ts';
import { registerWebApp } from './http/web-app.ts';
import { closePdfRenderer } from './lib/pdf.ts';
import { registerNulGuard, zodValidatorCompiler } from './http/validation.ts';
import { createPersonalDataBox } from './lib/crypto.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { createAttachmentsService } from './modules/attachments/attachments.service.ts';
import { measureOwnerCheck } from './modules/assistance/assistance.attachments.ts';
import { caseStepOwnerCheck } from './modules/cases/cases.attachments.ts';
import {
  assistanceRoutes,
  assistanceSummaries,
  createAssistanceService,
  createReliefService,
} from './modules/assistance/index.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { createCaseReports } from './modules/cases/cases.reports.ts';
import { createCasesService } from './modules/cases/cases.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { createOrgService } from './modules/org/org.service.ts';
import { createJobsService } from './modules/jobs/jobs.service.ts';
import { jobsRoutes } from './modules/jobs/jobs.routes.ts';
import { feedsRoutes } from './modules/feeds/feeds.routes.ts';
import { createFeedsService } from './modules/feeds/feeds.service.ts';
import { createChannelsService } from './modules/monitoring/channels.service.ts';
import { createMonitoringService, monitoringRoutes } from './modules/monitoring/index.ts';
import { WARNING_NAMES_ZH } from '#common/domain/monitoring/categories.ts';
import { systemClock } from './lib/clock.ts';
import type { RequestContext } from './lib/context.ts';
import { cluesRoutes } from './modules/monitoring/clues.routes.ts';
import { createCluesService } from './modules/monitoring/clues.service.ts';
import { paramsRoutes } from './modules/params/params.routes.ts';
import { createParamsService } from './modules/params/params.service.ts';
import { createMembershipService } from './modules/registry/registry.members.ts';
import { createReviewService } from './modules/registry/registry.review.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { registryTransferRoutes } from './modules/registry/import/import.routes.ts';
import { createRegistryService } from './modules/registry/registry.service.ts';
import { helpRoutes } from './modules/help/help.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { assetsRoutes } from './modules/assets/assets.routes.ts';
import { createAssetsService } from './modules/assets/assets.service.ts';
import { createDeliberationService } from './modules/deliberation/deliberation.service.ts';
import { deliberationRoutes } from './modules/deliberation/deliberation.routes.ts';
import { createFundsService } from './modules/funds/funds.service.ts';
import { fundsRoutes } from './modules/funds/funds.routes.ts';
import { createProjectsService, findProject } from './modules/projects/index.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { createAssessmentService, createIndicatorsService, indicatorsRoutes } from './modules/indicators/index.ts';
import { ledgerRoutes } from './modules/projects/ledgers.ts';
import { createWorkbenchService, workbenchRoutes } from './modules/workbench/index.ts';
import { analysisRoutes, createDeprivationService, createWhatIfService } from './modules/analysis/index.ts';
import { createEmploymentService, employmentIndicatorsProvider, employmentRoutes } from './modules/employment/index.ts';
import {
  createSocialAssistanceService,
  socialAssistanceRoutes,
  socialIndicatorsProvider,
} from './modules/social-assistance/index.ts';
import { createPostsService, postsIndicatorsProvider, postsRoutes } from './modules/posts/index.ts';
import {
  createResidentTeamsService,
  residentTeamsRoutes,
  residentTeamVillageSection,
} from './modules/resident-teams/index.ts';
import {
  createSocialPairingService,
  socialPairingRoutes,
  socialPairingVillageSection,
} from './modules/social-pairing/index.ts';
import {
  createPetitionsService,
  petitionsIndicatorsProvider,
  petitionsRoutes,
  petitionsVillageSection,
} from './modules/petitions/index.ts';
import {
  createVillagePointsService,
  pointsIndicatorsProvider,
  pointsVillageSection,
  villagePointsRoutes,
} from './modules/village-points/index.ts';
import {
  collectiveEconomyRoutes,
  collectiveIncomeProvider,
  collectiveVillageSection,
  createCollectiveEconomyService,
} from './modules/collective-economy/index.ts';
import { registryProvider } from './modules/indicators/indicators.engine.ts';
import { fundsProvider } from './modules/indicators/indicators.cockpit.ts';
import {
  consumerAssistanceRoutes,
  consumerIndicatorsProvider,
  consumerVillageSection,
  createConsumerAssistanceService,
} from './modules/consumer-assistance/index.ts';
import { createVillageProfileService, villageProfileRoutes } from './modules/village-profile/index.ts';
import { createKeyVillagesService, keyVillagesRoutes, keyVillageVillageSection } from './modules/key-villages/index.ts';
import { createInsuranceService, insuranceIndicatorsProvider, insuranceRoutes } from './modules/insurance/index.ts';
import { createRelocationService, relocationIndicatorsProvider, relocationRoutes } from './modules/relocation/index.ts';
import { createMicroloansService, microloansIndicatorsProvider, microloansRoutes } from './modules/microloans/index.ts';

/** The built web app; GUARDLINE_WEB_DIST points elsewhere (a second build beside the default one, e.g. parallel test runs). */
export const WEB_DIST =
  process.env.GUARDLINE_WEB_DIST ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

export type AppConfig = Pick<Config, 'secret' | 'logLevel' | 'secureCookies'> & {
  /** Where attachments are stored (DATA_DIR); tests default to a temp directory. */
  dataDir?: string;
  /** Login attempts per minute for one address and username (default 10). */
  loginAttemptsPerMinute?: number;
  /** Current-password checks (password change) per minute for one user (default 5). */
  passwordChecksPerMinute?: number;
} & Partial<Pick<Config, 'https' | 'trustProxy' | 'docsRequireLogin' | 'loginLockout'>>;

/** Composition root: repositories -> services -> routes, wired by hand. */
export function createServices(
  database: Database,
  config: Pick<Config, 'secret'> & { dataDir?: string; loginLockout?: Config['loginLockout'] },
) {
  const db = database.db;
  const box = createPersonalDataBox(config.secret);
  const jobs = createJobsService(db);
  const clues = createCluesService(db);
  // Computed indicator sources: registry, funds, and the villages' collective income (村集体经济).
  const indicators = createIndicatorsService({
    db,
    computed: {
      registry: registryProvider,
      funds: fundsProvider,
      collective: collectiveIncomeProvider,
      // the programmes of issue 14, each from its own module (就业, 公益岗位, 小额信贷, 防贫保险, 易地搬迁)
      employment: employmentIndicatorsProvider,
      posts: postsIndicatorsProvider,
      microloans: microloansIndicatorsProvider,
      insurance: insuranceIndicatorsProvider,
      relocation: relocationIndicatorsProvider,
      social: socialIndicatorsProvider,
      // the village programmes of issue 15: 消费帮扶 outlets, 零上访 villages, 积分制 villages
      consumer: consumerIndicatorsProvider,
      petitions: petitionsIndicatorsProvider,
      points: pointsIndicatorsProvider,
    },
  });
  const attachments = createAttachmentsService(db, config.dataDir ?? path.join(os.tmpdir(), 'guardline-test-data'));
  // Warnings of every run become clues (channel: department); a committed feed batch re-evaluates its households.
  const monitoring = createMonitoringService({ db, jobs, onWarningsWritten: clues.fromWarnings(WARNING_NAMES_ZH) });
  const cases = createCasesService({ db, attachments, monitoring });
  const assistance = createAssistanceService(db, box, systemClock, attachments);
  // An upload naming its owner is allowed by the owner's module (scope → 404, right to act → 403).
  attachments.registerOwner('caseStep', caseStepOwnerCheck(db));
  attachments.registerOwner('assistanceMeasure', measureOwnerCheck(assistance));
  // A committed registry change re-evaluates the households it touched right away (issue 4 §5).
  const registryHooks = {
    onHouseholdsChanged: (ctx: RequestContext, householdIds: number[]) => monitoring.reevaluate(ctx, { householdIds }),
    // The data-quality checks read the assistance module's facts (registry never imports assistance).
    assistanceFacts: assistanceSummaries,
  };
  return {
    db,
    box,
    auth: createAuthService(db, undefined, config.loginLockout),
    org: createOrgService(db),
    users: createUsersService(db, box),
    jobs,
    feeds: createFeedsService(db, box, jobs, {
      onBatchCommitted: async (batchId, hashes) => void (await monitoring.afterFeedBatch(batchId, hashes)),
    }),
    monitoring,
    registry: createRegistryService(db, box, systemClock, registryHooks),
    members: createMembershipService(db, box, systemClock, registryHooks),
    review: createReviewService(db),
    projects: createProjectsService(db),
    funds: createFundsService(db, { findProject }),
    assets: createAssetsService(db),
    employment: createEmploymentService(db, box),
    socialAssistance: createSocialAssistanceService(db),
    posts: createPostsService(db, box),
    residentTeams: createResidentTeamsService(db),
    socialPairing: createSocialPairingService(db),
    petitions: createPetitionsService(db),
    villagePoints: createVillagePointsService(db),
    collectiveEconomy: createCollectiveEconomyService(db),
    consumerAssistance: createConsumerAssistanceService(db),
    /** 村情 (the cockpit's village view): one section per village programme, in this order. */
    villageProfile: createVillageProfileService(db, [
      keyVillageVillageSection,
      residentTeamVillageSection,
      socialPairingVillageSection,
      collectiveVillageSection,
      consumerVillageSection,
      pointsVillageSection,
      petitionsVillageSection,
    ]),
    keyVillages: createKeyVillagesService(db),
    insurance: createInsuranceService(db, box),
    relocation: createRelocationService(db, box),
    microloans: createMicroloansService(db, box),
    deliberation: createDeliberationService(db),
    params: createParamsService(db),
    clues,
    channels: createChannelsService(db, box, {
      requireVisitable: (ctx, householdId) => assistance.readableHousehold(ctx, householdId),
    }),
    assistance,
    relief: createReliefService(db),
    attachments,
    cases,
    caseReports: createCaseReports(db, cases),
    indicators,
    assessment: createAssessmentService(db, indicators),
    whatIf: createWhatIfService({ db, jobs }),
    deprivation: createDeprivationService({ db }),
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(database: Database, config: AppConfig) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      serializers: { req: requestSerializer, err: errorSerializer },
    },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerNulGuard(app);
  registerUploadOriginCheck(app);
  registerSlowRequestLog(app);

  const services = createServices(database, config);
  // Every job's end is logged; a failure with its reason (and the stack when unexpected).
  services.jobs.setLogger((end) => {
    if (end.status === 'succeeded') app.log.info({ job: end.id, kind: end.kind }, 'job done');
    else
      app.log.warn({ job: end.id, kind: end.kind, code: end.code, err: end.unexpected }, `job failed: ${end.reason}`);
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        // Added per request by secureTransport() only over https: on a plain-http intranet it would blank the page.
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  registerSecureTransport(app, config.https ?? false);
  // How to sign in, money in fen, China days, the error shape and codes: server/http/api-docs.ts.
  await app.register(swagger, OPENAPI_OPTIONS);
  // In production (without the demo) the API description is for signed-in users only.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Fastify runs an async hook by its promise; the hook's declared type is the callback form.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    ...(config.docsRequireLogin ? { uiHooks: { onRequest: requireSignedIn(services.auth) } } : {}),
  });
  registerSession(app, services.auth);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['meta'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind }),
  );
  authRoutes(app, services.auth, {
    secureCookies: config.secureCookies,
    attemptsPerMinute: config.loginAttemptsPerMinute ?? 10,
    passwordChecksPerMinute: config.passwordChecksPerMinute ?? 5,
  });
  orgRoutes(app, services.org);
  usersRoutes(app, services.users);
  auditRoutes(app, services.db);
  registryRoutes(app, services);
  registryTransferRoutes(app, services);
  paramsRoutes(app, services.params);
  projectsRoutes(app, services);
  fundsRoutes(app, services);
  assetsRoutes(app, services);
  deliberationRoutes(app, services);
  ledgerRoutes(app, services);
  cluesRoutes(app, services);
  jobsRoutes(app, services.jobs);
  feedsRoutes(app, services);
  monitoringRoutes(app, services);
  assistanceRoutes(app, services);
  attachmentsRoutes(app, services);
  casesRoutes(app, services);
  indicatorsRoutes(app, services);
  employmentRoutes(app, services);
  socialAssistanceRoutes(app, services);
  postsRoutes(app, services);
  residentTeamsRoutes(app, services);
  socialPairingRoutes(app, services);
  petitionsRoutes(app, services);
  villagePointsRoutes(app, services);
  collectiveEconomyRoutes(app, services);
  consumerAssistanceRoutes(app, services);
  villageProfileRoutes(app, services);
  keyVillagesRoutes(app, services);
  insuranceRoutes(app, services);
  relocationRoutes(app, services);
  microloansRoutes(app, services);
  // 工作台: each user's items due, counted by the modules that own them (called as the user).
  workbenchRoutes(app, createWorkbenchService(services));
  analysisRoutes(app, services);
  helpRoutes(app);

  await registerWebApp(app, WEB_DIST);
  // The PDF renderer's warm browser (server/lib/pdf.ts) ends with the server.
  app.addHook('onClose', closePdfRenderer);
  return { app, services };
}
