import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The lint holds the architecture (eslint.config.js). Each case below is a file that breaks one
// boundary, linted as if it stood at that path: a rule that stops matching (a moved folder, a renamed
// element, a plugin upgrade) fails here instead of letting the arrows drift back. Each has a control
// that the same rule lets through, so a rule that refuses everything fails too.
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  // The probes are not files of the TypeScript program: they are linted without type information.
  eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }] });
});

async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const BOUNDARY = 'boundaries/dependencies';

describe('the lint’s architecture rules', () => {
  it.each([
    ['the domain importing the store', 'functions/domain/sessions/probe.ts', "import { createStores } from '../../store/index.js';\nexport const s = createStores;", BOUNDARY],
    ['the domain importing a resolver', 'functions/domain/tax/probe.ts', "import { taxResolvers } from '../../resolvers/tax.js';\nexport const r = taxResolvers;", BOUNDARY],
    ['the domain importing the AWS SDK', 'functions/domain/units/probe.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;", 'no-restricted-imports'],
    ['the domain importing GraphQL', 'functions/domain/reports/probe.ts', "import { parse } from 'graphql';\nexport const p = parse;", 'no-restricted-imports'],
    ['a capability importing one above it', 'functions/domain/units/probe.ts', "import { createTaxService } from '../tax/tax-service.js';\nexport const t = createTaxService;", BOUNDARY],
    ['the kernel importing the role table', 'functions/domain/kernel/probe.ts', "import { mayActOnSession } from '../access/authorization.js';\nexport const m = mayActOnSession;", BOUNDARY],
    ['the store importing a domain service', 'functions/store/probe.ts', "import { createVoiceService } from '../domain/voice/voice-service.js';\nexport const v = createVoiceService;", BOUNDARY],
    ['a resolver importing the store', 'functions/resolvers/probe.ts', "import { createStores } from '../store/index.js';\nexport const s = createStores;", BOUNDARY],
    ['graphql/ importing a handler', 'functions/graphql/probe.ts', "import { handler } from '../handlers/graphql-http.js';\nexport const h = handler;", BOUNDARY],
    ['the dashboard importing a domain service', 'dashboard/src/lib/probe.ts', "import { createVoiceService } from '../../../functions/domain/voice/voice-service.js';\nexport const v = createVoiceService;", BOUNDARY],
    ['a feature importing another feature', 'dashboard/src/features/tax/probe.ts', "import { VoicePage } from '../voice/VoicePage.js';\nexport const v = VoicePage;", BOUNDARY],
    ['Vietnam’s time zone spelled outside its home', 'functions/resolvers/probe.ts', "export const zone = 'Asia/Ho_Chi_Minh';", 'no-restricted-syntax'],
    ['the district level’s end spelled outside its home', 'dashboard/src/lib/probe.ts', "export const ended = '2025-06-30T17:00:00.000Z';", 'no-restricted-syntax'],
    ['a decision by role name outside the role table', 'dashboard/src/features/tax/probe.ts', "export const mayEdit = (viewer: { role: string }) => viewer.role === 'ADMIN';", 'no-restricted-syntax'],
    ['a decision by role name in a service', 'functions/domain/reports/probe.ts', "export const mine = (actor: { role: string }) => actor.role !== 'TAX_OFFICER';", 'no-restricted-syntax'],
    ['a focused test', 'test/unit/probe.test.ts', "import { it } from 'vitest';\nit.only('runs alone', () => {});", 'no-restricted-properties'],
    ['a function over 80 lines', 'functions/domain/kernel/probe.ts', `export function long() {\n${'  void 0;\n'.repeat(80)}}`, 'max-lines-per-function'],
  ])('refuses %s', async (_what, path, code, rule) => {
    expect(await rulesBroken(path, code)).toContain(rule);
  });

  it.each([
    ['a capability importing the kernel and one below it', 'functions/domain/tax/probe.ts', "import { foldDiacritics } from '../kernel/fold.js';\nimport { createSessionService } from '../sessions/session-service.js';\nexport const x = [foldDiacritics, createSessionService];"],
    ['the store importing the ports and the kernel', 'functions/store/probe.ts', "import { BadCursorError } from '../domain/ports.js';\nimport { vietnamDate } from '../domain/kernel/vietnam-time.js';\nexport const x = [BadCursorError, vietnamDate];"],
    ['a handler importing graphql/ and realtime/', 'functions/handlers/probe.ts', "import { createApolloServer } from '../graphql/server.js';\nimport { publishConflated } from '../realtime/publish.js';\nexport const x = [createApolloServer, publishConflated];"],
    ['a resolver importing the domain', 'functions/resolvers/probe.ts', "import { toConnection } from '../domain/kernel/model.js';\nexport const x = toConnection;"],
    ['a decision by role name in the role table', 'functions/domain/access/probe.ts', "export const mayAll = (actor: { role: string }) => actor.role === 'ADMIN';"],
    ['the dashboard importing a shared pure module', 'dashboard/src/lib/probe.ts', "import { vietnamDate } from '../../../functions/domain/kernel/vietnam-time.js';\nexport const x = vietnamDate;"],
    ['a feature importing its own files and the dashboard’s shared parts', 'dashboard/src/features/tax/probe.ts', "import { TaxPage } from './TaxPage.js';\nimport { formatDate } from '../../lib/format.js';\nexport const x = [TaxPage, formatDate];"],
  ])('lets through %s', async (_what, path, code) => {
    expect(await rulesBroken(path, code)).toEqual([]);
  });
});
