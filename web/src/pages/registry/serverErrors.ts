// Deprecated: moved to components/fieldErrors.ts (used by useFormMutation); kept until every page is moved.
export { applyServerFieldErrors, hasPath, namePathOf, type NamePath } from '../../components/fieldErrors.ts';
