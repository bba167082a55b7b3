// knip finds unused files, exports and dependencies; `npm run check` runs it with the lint.
// Entries the plugins do not find by themselves: the Lambda entries named by path in the CDK stack,
// the local stack's workers and servers started as separate processes, benches and scripts.
export default {
  entry: [
    'infra/local/*.ts',
    'infra/seed-reference-data.ts',
    'functions/handlers/*.ts',
    'scripts/*.{ts,cjs}',
    'bench/*.ts',
    'test/**/*.{ts,tsx}',
    'dashboard/src/public/*main.tsx',
  ],
  project: ['functions/**/*.ts', 'infra/**/*.ts', 'dashboard/src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,cjs}'],
  // esbuild's stand-ins for two modules Apollo loads but a Lambda never calls (infra/lambda-bundling.ts names them by path).
  ignore: ['infra/stubs/**'],
  // axe-core is read as a file (axe.min.js) into the browser by test/e2e/support/page-checks.ts, never imported.
  ignoreDependencies: ['axe-core'],
  // Debian's packages, installed by .ci/run: DynamoDB Local's Java, the PDF text check, the browser lock.
  ignoreBinaries: ['java', 'pdftotext', 'flock'],
  ignoreExportsUsedInFile: true,
};
