// The users module's public API: the service factory and its type. Routes are registered by server/app.ts.
export { createUsersService, type UsersService } from './users.service.ts';
