import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

// The service layer: every *.service.ts and the use-case files a split service composes (its factory binds them to
// its deps with bindDeps, server/lib/use-cases.ts). A new use-case file of a split module goes into this list.
const SERVICE_LAYER = [
  'server/modules/**/*.service.ts',
  'server/modules/assistance/assistance.{shared,pairings,measures,obligations,household}.ts',
  'server/modules/posts/posts.{shared,setup,hires,ledger}.ts',
  'server/modules/consumer-assistance/consumer-assistance.{shared,outlets,products,sales,ledger}.ts',
  'server/modules/microloans/microloans.{shared,loans,repayments,renewals,ledger}.ts',
  'server/modules/employment/employment.{shared,jobs,trainings,workshops,figures,exports,file-import}.ts',
  'server/modules/insurance/insurance.{shared,policies,claims,ledger}.ts',
  'server/modules/resident-teams/resident-teams.{shared,teams,members,villages,ledger}.ts',
  'server/modules/relocation/relocation.{shared,sites,households,changes,ledger,list-import}.ts',
  'server/modules/key-villages/key-villages.{shared,scores,decisions,ledger}.ts',
  'server/modules/analysis/whatif.{shared,run,read,export}.ts',
  'server/modules/workbench/workbench.{shared,cases,assistance,indicators,items}.ts',
  'server/modules/social-pairing/social-pairing.{shared,pairings,ledger}.ts',
  'server/modules/petitions/petitions.{shared,events,households,zero,ledger}.ts',
  'server/modules/village-points/village-points.{shared,items,awards,shop,ledger}.ts',
];
// Services still written as one factory holding every use case (functions over 60 lines): split them as assistance,
// posts, consumer-assistance, microloans, employment, insurance, petitions and village-points were, then strike them
// from this list.
const SERVICES_NOT_YET_SPLIT = [
  'server/modules/analysis/deprivation.service.ts',
  'server/modules/assets/assets.service.ts',
  'server/modules/attachments/attachments.service.ts',
  'server/modules/auth/auth.service.ts',
  'server/modules/collective-economy/collective-economy.service.ts',
  'server/modules/deliberation/deliberation.service.ts',
  'server/modules/feeds/feeds.service.ts',
  'server/modules/funds/funds.service.ts',
  'server/modules/indicators/assessment.service.ts',
  'server/modules/jobs/jobs.service.ts',
  'server/modules/monitoring/channels.service.ts',
  'server/modules/monitoring/clues.service.ts',
  'server/modules/monitoring/monitoring.service.ts',
  'server/modules/params/params.service.ts',
  'server/modules/registry/export/export.service.ts',
  'server/modules/registry/registry.service.ts',
  'server/modules/social-assistance/social-assistance.service.ts',
  'server/modules/users/users.service.ts',
];
// Services that still query the database themselves: move the query into the module's repository, then strike.
const SQL_STILL_IN_SERVICE = [
  'server/modules/analysis/deprivation.service.ts',
  'server/modules/indicators/assessment.service.ts',
  'server/modules/jobs/jobs.service.ts',
  'server/modules/monitoring/monitoring.service.ts',
  'server/modules/params/params.service.ts',
];
const NO_SQL = "SQL only in repositories: move the query into the module's *.repository.ts (docs/ARCHITECTURE.md).";
const DB = '/^(db|tx)$/';
const DB_QUERY = '[property.name=/^(query|select|selectDistinct|insert|update|delete|execute)$/]';

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'server/db/migrations', 'screenshots', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
      },
    },
    plugins: { guardline: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      // Other server modules only through their index.ts (issue 18 point 1; docs/ARCHITECTURE.md "Module pattern").
      'guardline/module-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'no eval' }],
      // Path aliases (issue 18 point 3): a file two or more folders away is named from the package's root through
      // the subpath imports of package.json (#server/…, #common/…, #web/… for web/src/…), not by climbing.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./){2,}',
              message: "Name it through package.json's imports: #server/…, #common/… or #web/… (web/src/…).",
            },
          ],
        },
      ],
    },
  },
  // Thin layers (issue 18 point 2; docs/ARCHITECTURE.md "Module pattern"): SQL only in repositories, routes only
  // call services, and a service is split by use case into functions that fit on one screen.
  {
    files: SERVICE_LAYER,
    ignores: SERVICES_NOT_YET_SPLIT,
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: [...SERVICE_LAYER, 'server/modules/**/*.routes.ts'],
    ignores: SQL_STILL_IN_SERVICE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], allowTypeImports: true, message: NO_SQL },
            { group: ['**/db/schema/*', '**/db/schema'], allowTypeImports: true, message: NO_SQL },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'no eval' },
        {
          selector: `MemberExpression${DB_QUERY}:matches([object.name=${DB}], [object.property.name=${DB}])`,
          message: NO_SQL,
        },
      ],
    },
  },
  {
    files: ['server/modules/**/*.routes.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], allowTypeImports: true, message: NO_SQL },
            { group: ['**/db/schema/*', '**/db/schema'], allowTypeImports: true, message: NO_SQL },
            {
              group: ['./*.repository.ts', './*repository.ts'],
              message: 'A route calls ONE service function; the service reads the repository (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  // Type-aware rules (issue 18 point 3) on the server and the shared code: a promise is awaited, returned or handled
  // (`void` only where dropping it is meant), never passed where a void callback is expected. Tests and the web app
  // are left out to keep `npm run lint` near a minute on two cores.
  {
    files: ['server/**/*.ts', 'common/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*test-support.ts', 'server/test/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
