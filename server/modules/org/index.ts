// The org module's public API for other modules: the service factory, unit look-ups other modules scope by,
// and the demo county's code. Routes are registered by server/app.ts.
export { createOrgService, type OrgService } from './org.service.ts';
export { findUnit, listUnits } from './org.repository.ts';
export { QINSHUI_COUNTY_CODE } from './qinshui.ts';
