// The workbench (工作台) module's public API: the service factory, its types and the route.
export {
  createWorkbenchService,
  FEED_DUE_MONTHS,
  type WorkbenchDeps,
  type WorkbenchService,
} from './workbench.service.ts';
export { workbenchRoutes } from './workbench.routes.ts';
export type { WorkbenchItem, WorkbenchResponse } from '#common/contracts/workbench.ts';
