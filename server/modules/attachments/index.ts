// The attachments module's public API: the service factory and its type (cases and assistance keep their
// files through it). Routes are registered by server/app.ts.
export { createAttachmentsService, type AttachmentsService, type OwnerCheck } from './attachments.service.ts';
