export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './registry.ts';
export * from './jobs.ts';
export * from './params.ts';
export * from './feeds.ts';
export * from './monitoring.ts';
