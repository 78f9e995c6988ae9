// The projects (项目库) module's public API for other modules: the service factory and its type, the project
// look-up funds and assets are given (through server/app.ts), and the workbench's waiting count.
export { createProjectsService, type ProjectsService } from './projects.service.ts';
export { findProject, type ProjectRecord } from './projects.repository.ts';
export { projectsWaitingCount } from './projects.waiting.ts';
