// The help (使用手册) module's public API: its routes (no service; it serves docs/manual).
export { helpRoutes, MANUAL_DIR } from './help.routes.ts';
