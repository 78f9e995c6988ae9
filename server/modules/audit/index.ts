// The audit module's public API: every write in every module records its audit entry through recordAudit, in
// the same transaction. Routes are registered by server/app.ts.
export { recordAudit, changedFields, type AuditEntry } from './audit.service.ts';
