// The lint of the whole repository, run by `npm run check` (and so by `npm test`). Besides the usual
// TypeScript and React rules it holds the architecture (docs/architecture.md, "Layout"): imports go one
// way, down, and the boundaries below are rules, not habits. test/unit/lint-boundaries.test.ts feeds
// them a file that breaks each one, so a rule that stops matching is noticed.
//
// NOTE: eslint-plugin-boundaries rather than dependency-cruiser: it runs in this same pass, reusing the
// parse and the TypeScript resolver, and dependency-cruiser 18 needs Node 22 (this machine runs 20).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The domain's capabilities from the ground up (functions/domain/<capability>/): each may import the
 * kernel and the capabilities listed before it, never one after it. That order is the floors
 * `farm-studio look functions/domain` draws, and it leaves no room for a circle.
 */
export const CAPABILITY_FLOORS = ['kernel', 'access', 'figures', 'units', 'activity', 'sessions', 'voice', 'concerns', 'tax', 'reports'];

/** The modules of functions/ that the dashboard may import: pure, no AWS, no storage, no GraphQL server. */
export const SHARED_WITH_DASHBOARD = [
  'functions/domain/kernel/actor.ts',
  'functions/domain/kernel/fold.ts',
  'functions/domain/kernel/model.ts',
  'functions/domain/kernel/period.ts',
  'functions/domain/kernel/tax-code.ts',
  'functions/domain/kernel/tax-topics.ts',
  'functions/domain/kernel/vietnam-time.ts',
  'functions/domain/concerns/concern-rules.ts',
];

const elements = [
  // functions/domain/<capability>/; the two files beside them (ports.ts: Stores, index.ts: createDomain) are named by path below.
  { type: 'domain', pattern: 'functions/domain/*', capture: ['capability'] },
  // functions/<part>: store, resolvers, graphql, realtime, auth, handlers, generated, data, config.ts.
  { type: 'functions', pattern: 'functions/*', capture: ['part'] },
  { type: 'feature', pattern: 'dashboard/src/features/*', capture: ['feature'] },
  { type: 'dashboard', pattern: 'dashboard/src' },
];

/** A picomatch pattern for any of these names (braces need two or more). */
const anyName = (names) => (names.length === 1 ? names[0] : `{${names.join(',')}}`);
const domain = (...capabilities) => ({ element: { type: 'domain', captured: { capability: anyName(capabilities) } } });
const part = (...parts) => ({ element: { type: 'functions', captured: { part: anyName(parts) } } });
const file = (path) => ({ file: { path } });
const PORTS = file('functions/domain/ports.ts');
const DOMAIN_ROOT = file('functions/domain/index.ts');
const below = (capability) => CAPABILITY_FLOORS.slice(0, CAPABILITY_FLOORS.indexOf(capability) + 1);
const sharedWithDashboard = file(anyName(SHARED_WITH_DASHBOARD));

/** The architecture as import policies (default: refused; each line allows one kind of arrow). */
const policies = [
  // The domain: each capability imports the kernel, the capabilities below it and the reference data.
  ...CAPABILITY_FLOORS.map((capability) => ({ from: domain(capability), allow: { to: [domain(...below(capability)), part('data')] } })),
  { from: PORTS, allow: { to: domain(...CAPABILITY_FLOORS) } },
  { from: DOMAIN_ROOT, allow: { to: [domain(...CAPABILITY_FLOORS), PORTS] } },
  // The store implements the ports: it imports them (and the kernel's types they are written in), never a service.
  { from: part('store'), allow: { to: [PORTS, domain('kernel'), part('config.ts')] } },
  // Resolvers call the domain; the generated resolver types name the domain's objects.
  { from: part('resolvers'), allow: { to: [domain(...CAPABILITY_FLOORS), DOMAIN_ROOT, part('generated')] } },
  { from: part('generated'), allow: { to: [domain(...CAPABILITY_FLOORS), PORTS, part('resolvers')] } },
  // graphql/ builds the schema from the resolvers and maps the domain's errors to the contract's codes.
  { from: part('graphql'), allow: { to: [part('resolvers', 'generated', 'config.ts'), domain('kernel', 'access')] } },
  // realtime/ runs subscriptions over graphql/ and keeps its connections in the store.
  { from: part('realtime'), allow: { to: [part('graphql', 'resolvers', 'store', 'auth', 'config.ts'), domain('kernel'), DOMAIN_ROOT] } },
  { from: part('auth'), allow: { to: [part('config.ts'), domain('kernel')] } },
  // Handlers are the composition roots: one thin entry per Lambda, wiring the rest.
  { from: part('handlers'), allow: { to: [part('graphql', 'realtime', 'store', 'auth', 'config.ts'), domain('kernel', 'units'), DOMAIN_ROOT] } },
  // The dashboard: a feature imports the dashboard's shared parts and its own files, never another
  // feature; of functions/ only the shared pure modules.
  { from: { element: { type: 'feature' } }, allow: { to: [{ element: { type: 'dashboard' } }, { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } }, sharedWithDashboard] } },
  { from: { element: { type: 'dashboard' } }, allow: { to: [{ element: { types: { anyOf: ['dashboard', 'feature'] } } }, sharedWithDashboard] } },
];

const TIME_HOME = ['functions/domain/kernel/vietnam-time.ts'];
const ROLE_TABLE = ['functions/domain/access/**', 'functions/domain/kernel/actor.ts'];
const TIME_SELECTORS = [
  { selector: 'Literal[value=/Asia\\/Ho_Chi_Minh|^2025-07-01$|2025-06-30T17:00|\\+07:00/]', message: 'Vietnam time and the date the district level ended live in functions/domain/kernel/vietnam-time.ts; import them from there.' },
  { selector: 'TemplateElement[value.raw=/Asia\\/Ho_Chi_Minh|2025-06-30T17:00|\\+07:00/]', message: 'Vietnam time lives in functions/domain/kernel/vietnam-time.ts; import it from there.' },
];
const ROLE_SELECTORS = [
  {
    selector: "BinaryExpression[operator=/^[!=]==?$/]:has(Literal[value=/^(ADMIN|LEADERSHIP|WARD_OFFICER|TAX_OFFICER)$/])",
    message: 'Decisions by role live in the role table (functions/domain/access/authorization.ts, kernel/actor.ts); the dashboard reads Viewer.abilities.',
  },
];

/** Packages the domain must never import: it knows no AWS, no storage, no GraphQL, no HTTP. */
const OUTSIDE_THE_DOMAIN = ['@aws-sdk/*', 'aws-lambda', '@types/aws-lambda', 'aws-cdk-lib', 'graphql', 'graphql-ws', '@apollo/*', '@graphql-tools/*', 'ws', 'rate-limiter-flexible', 'jose', 'react', 'urql', '@aws-lambda-powertools/*'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'cdk.out/**', '.data/**', 'test-output/**', 'coverage/**', 'functions/generated/**', 'dashboard/src/gql/**', 'dashboard/src/public/gql/**', 'test/fixtures/lint/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      // NOTE: one program (`project`), not the project service: 25 % faster here. It holds the code
      // that ships (tsconfig.lint.json); tests and benches are linted without type information (below),
      // which keeps the lint within the suite's time budget (docs/architecture.md, "The lint").
      parserOptions: { project: './tsconfig.lint.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // With type information: a promise nobody awaits loses its error (a write the user thinks is saved).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // NOTE: `any` stays allowed in tests, benches and scripts, where a GraphQL answer is read by shape (see below).
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'dashboard/src/**/*.test.{ts,tsx}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  // One home each, as rules: Vietnam time and the date the district level ended
  // (functions/domain/kernel/vietnam-time.ts), and every decision by role (the role table:
  // functions/domain/access/, functions/domain/kernel/actor.ts; the dashboard reads Viewer.abilities).
  // ESLint keeps one no-restricted-syntax per file, so each home gets the other one's selectors only.
  ...[
    { files: ['functions/**/*.ts', 'dashboard/src/**/*.{ts,tsx}'], ignores: [...TIME_HOME, ...ROLE_TABLE], selectors: [...TIME_SELECTORS, ...ROLE_SELECTORS] },
    { files: TIME_HOME, selectors: ROLE_SELECTORS },
    { files: ROLE_TABLE, selectors: TIME_SELECTORS },
  ].map(({ files, ignores = [], selectors }) => ({ files, ignores: [...ignores, '**/*.test.{ts,tsx}'], rules: { 'no-restricted-syntax': ['error', ...selectors] } })),
  // No function in functions/ runs over 80 lines: a use case a reader can see whole.
  {
    files: ['functions/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  // The architecture's boundaries.
  {
    files: ['functions/**/*.ts', 'dashboard/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['functions/**/*', 'dashboard/src/**/*'],
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { typescript: { project: `${import.meta.dirname}/tsconfig.json` } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
    },
  },
  {
    files: ['functions/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: OUTSIDE_THE_DOMAIN, message: 'The domain imports nothing but the domain and pure libraries: no AWS SDK, no store, no GraphQL (docs/architecture.md).' }] }],
    },
  },
  // The dashboard: hooks and accessibility.
  {
    files: ['dashboard/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // NOTE: the two rules of hooks, not v7's 'recommended': its other rules (refs, set-state-in-effect,
      // immutability, …) judge code for the React Compiler, which this dashboard is not built with; the
      // kiosk's counter, for one, reads a ref during render on purpose (it must not re-render per tap).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  // NOTE: the local stack's servers give Node async listeners (request, message,
  // close); each catches its own errors, and one that escaped would end the process, as it should.
  {
    files: ['infra/local/**/*.ts'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }] },
  },
  {
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Tests, benches and scripts: no focused or skipped test lands; answers are read by shape.
  {
    files: ['test/**/*.{ts,tsx}', 'dashboard/src/**/*.test.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip'].map((property) => ({ object, property, message: 'A focused or skipped test must not land: the suite would pass without running the rest.' })),
        ),
      ],
    },
  },
);
