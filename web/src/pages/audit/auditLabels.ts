// The audit log's words live in common/domain/audit/labels.ts (the page and the .xlsx export share them).
export {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  AUDIT_FIELD_LABELS,
  auditActionText,
  auditObjectText,
  labelOr,
} from '#common/domain/audit/labels.ts';

/**
 * The page of the record an entry is about, where the app has one and the entry carries its id
 * (a household is recorded by its household number, not the page's id: no link).
 */
export function auditRecordPath(entity: string, entityId: string | null): string | null {
  if (!entityId || !/^\d+$/.test(entityId)) return null;
  switch (entity) {
    case 'case':
      return `/cases/${entityId}`;
    case 'asset':
      return `/assets/${entityId}`;
    default:
      return null;
  }
}
