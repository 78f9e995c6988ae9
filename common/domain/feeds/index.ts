// Department data format (formats.md §2): sources and items, extra columns, header mapping, record validation.
export * from './attributes.ts';
export * from './columns.ts';
export * from './json-record.ts';
export * from './row-parser.ts';
export * from './sources.ts';
export * from './validate-record.ts';
