// The deliberation (四议两公开) module's public API: the service factory and its type, and the check that a
// matter was decided (projects and assets call it before acting).
export { createDeliberationService, requireDecided, type DeliberationService } from './deliberation.service.ts';
