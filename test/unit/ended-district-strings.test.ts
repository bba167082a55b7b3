import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No screen or document speaks for a district that ended on 1/7/2025 (docs/units-sources.md): no string
 * "Quận 7", "Cấp quận" or "District 7" in the code that ships (string literals, templates and JSX text of
 * functions/, dashboard/, infra/; the dashboard's translations). Names come from the data (the units, the
 * tax offices, the jurisdiction) and the date. Comments, tests and reference data are not scanned.
 * The few strings below are only ever used for records before 1/7/2025, each with its reason.
 */
const ROOT = join(import.meta.dirname, '../..');
const ENDED = /quận 7|cấp quận|district 7/iu;
const SCANNED = ['functions', 'dashboard/src', 'dashboard/index.html', 'infra'];
const NOT_SCANNED = [/\.test\.tsx?$/, /\/gql\//, /^functions\/generated\//, /^functions\/data\//, /^infra\/units\//];
const ONLY_BEFORE_THE_CHANGE: Record<string, { strings: RegExp[]; why: string }> = {
  'functions/domain/concerns/deadline-rules.ts': { strings: [/^Local policy of the District 7 tax office/], why: 'the DISTRICT rule of a tax round: Authority.DISTRICT is refused from 1/7/2025 (contract)' },
  'infra/local/demo-report-years.ts': { strings: [/Quận 7/], why: 'the demo\'s 2006–2010 records, as the report tells them (../shared/seed)' },
  'infra/local/demo-review-reports.ts': { strings: [/Quận 7|QUẬN 7/], why: 'the demo\'s review reports of 2006–2010 and of 2025, which tell what happened to the district' },
};

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => (name === 'node_modules' || name === 'dist' ? [] : files(join(path, name))));
}

/** Every string a file's code holds: literals, template parts and JSX text (not comments). */
function stringsOf(path: string, text: string): string[] {
  if (path.endsWith('.json')) {
    const out: string[] = [];
    const walk = (v: unknown): void => void (typeof v === 'string' ? out.push(v) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : undefined);
    walk(JSON.parse(text));
    return out;
  }
  if (path.endsWith('.html')) return [text.replace(/<!--[\s\S]*?-->/g, '')];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) out.push(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

const scanned = SCANNED.flatMap(files).filter((p) => /\.(tsx?|json|html)$/.test(p) && !NOT_SCANNED.some((re) => re.test(p)));

describe('no string of the district that ended on 1/7/2025 in the code that ships', () => {
  it('finds none outside the records of before the change', () => {
    expect(scanned.length).toBeGreaterThan(200);
    expect(scanned).toContain('dashboard/src/i18n/vi.json');
    const found = scanned.flatMap((path) => {
      const allowed = ONLY_BEFORE_THE_CHANGE[path]?.strings ?? [];
      return stringsOf(path, readFileSync(join(ROOT, path), 'utf8'))
        .filter((s) => ENDED.test(s) && !allowed.some((re) => re.test(s)))
        .map((s) => `${relative(ROOT, join(ROOT, path))}: ${s.slice(0, 100)}`);
    });
    expect(found).toEqual([]);
  });

  it('would find one: the scan reads string literals, templates and JSX text, and skips comments', () => {
    const probe = 'const a = "Cấp quận";\n// Quận 7 in a comment\nconst b = `UBND ${x} District 7`;\nconst c = <p>Tổng quan Quận 7</p>;';
    expect(stringsOf('probe.tsx', probe).filter((s) => ENDED.test(s))).toEqual(['Cấp quận', ' District 7', 'Tổng quan Quận 7']);
  });
});
