// The resident-teams module's public API (驻村工作队 and 第一书记): routes and service.
export { residentTeamsRoutes } from './resident-teams.routes.ts';
export { createResidentTeamsService, type ResidentTeamsService } from './resident-teams.service.ts';
export { residentTeamVillageSection } from './resident-teams.village.ts';
// A key-village decision sets the 重点帮扶村 flags in its own transaction (key-villages: the decision is the source).
export { setKeyVillageFlags } from './resident-teams.key-villages.ts';
