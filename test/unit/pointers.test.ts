import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A comment that sends the reader to a file or a section must send them somewhere that exists: code
// moves, docs are rewritten, and a stale pointer misleads more than none.
const root = join(import.meta.dirname, '../..');
const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.cjs', '*.js'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/^(functions\/generated|dashboard\/src\/(public\/)?gql)\//.test(f) && existsSync(join(root, f)));

function commentsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const comments: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) comments.push(scanner.getTokenText());
  }
  return comments;
}

/** Repository paths a comment cites: `functions/…`, `docs/….md`, `../shared/…`, README.md; globs and placeholders are not pointers. */
const PATH = /(?<![\w./-])((?:\.\.\/shared\/|(?:functions|dashboard|infra|test|bench|scripts|docs|schema|contract)\/)[\w./-]*[\w-]\.(?:tsx|ts|mjs|cjs|json|js|md|graphql|csv|html|txt))(?![\w])/g;
/** A section cited by name after its document (docs/guide.md, the contract's README, or README.md), the name in double quotes. */
const SECTION = /((?:\.\.\/shared\/contract\/README\.md)|(?:docs\/[\w-]+\.md)|README(?:\.md)?),? "([^"]+)"/g;

const headingsOf = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#+\s*/, '').trim());

describe('pointers in code comments', () => {
  const cited = sources.flatMap((file) => commentsOf(file).flatMap((comment) => [...comment.matchAll(PATH)].map((m) => ({ file, path: m[1]! }))));
  const sections = sources.flatMap((file) => commentsOf(file).flatMap((comment) => [...comment.matchAll(SECTION)].map((m) => ({ file, doc: m[1]!.startsWith('README') ? 'README.md' : m[1]!, section: m[2]!.replace(/^#+\s*/, '') }))));

  it('cite files that exist', () => {
    expect(cited.length).toBeGreaterThan(50);
    const missing = cited.filter(({ path }) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it('cite sections that exist in the document they name', () => {
    const missing = sections.filter(({ doc, section }) => !existsSync(join(root, doc)) || !headingsOf(doc).some((h) => h.startsWith(section)));
    expect(missing).toEqual([]);
  });
});
