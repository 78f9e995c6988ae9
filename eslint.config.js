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
  'server/modules/monitoring/monitoring.{shared,runs,explain,lists}.ts',
  'server/modules/feeds/feeds.{shared,imports,lists}.ts',
  'server/modules/indicators/assessment.{shared,result,scheme}.ts',
  'server/modules/jobs/jobs.{shared,run,read,sweep}.ts',
  'server/modules/params/params.{shared,list,set}.ts',
  'server/modules/users/users.{shared,read,write}.ts',
  'server/modules/auth/auth.{shared,login,sessions}.ts',
  'server/modules/deliberation/deliberation.{shared,read,write}.ts',
  'server/modules/monitoring/clues.{shared,read,write}.ts',
  'server/modules/monitoring/channels.{shared,apply,visits,public}.ts',
  'server/modules/registry/registry.{shared,households,edits}.ts',
  'server/modules/registry/export/export.{shared,rows,prepare}.ts',
  'server/modules/social-assistance/social-assistance.{shared,coverage,benefits,ledger}.ts',
  'server/modules/funds/funds.{shared,allocations,assignments,disbursements,checks}.ts',
  'server/modules/assets/assets.{shared,read,register,operate}.ts',
  'server/modules/collective-economy/collective-economy.{shared,villages,entries,ledger}.ts',
  'server/modules/analysis/deprivation.{shared,summary,unmonitored,clues}.ts',
  'server/modules/attachments/attachments.{shared,upload,read,link}.ts',
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
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: [...SERVICE_LAYER, 'server/modules/**/*.routes.ts'],
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
  // (`void` only where dropping it is meant), never passed where a void callback is expected; no unsafe any. Tests and the web app
  // are left out to keep `npm run lint` near a minute on two cores.
  {
    files: ['server/**/*.ts', 'common/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*test-support.ts', 'server/test/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // No unsafe any: a value typed `any` (JSON, a driver row, a caught error) gets a type before it is used.
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
);
