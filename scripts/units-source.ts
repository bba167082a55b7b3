/**
 * `npm run units:source -- <dvhcvn/20250701 checkout or git directory>`: copies the fields the product
 * uses out of the public dataset dvhcvn/20250701 (MIT, https://github.com/dvhcvn/20250701) into
 * infra/units/source/dvhcvn-20250701/, unchanged and uninterpreted:
 * - `merges.json.gz`: mapping/merges.json as published (new unit → former units, full/partial);
 * - `former-units.json.gz`: for each former commune-level unit (output/<province>/<district>/<code>.json),
 *   its address as written and each result's new code and citation (header and line), without the
 *   model's reasoning text;
 * - `1027_CTK-CSCL.md.gz`: the statistics office's letter with the new codes (input/docs), the second
 *   source test/unit/units-reference.test.ts checks the built reference against;
 * - `LICENSE` and `SOURCE.json` (the commit it was taken from).
 * What is built from these files is built by scripts/units-build.ts; nothing here is edited by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const from = process.argv[2];
if (!from) {
  console.error('usage: npm run units:source -- <path to a dvhcvn/20250701 checkout or its git directory>');
  process.exit(2);
}
const out = resolve(import.meta.dirname, '../infra/units/source/dvhcvn-20250701');
// A git directory without a work tree (a mirror) is read through `git archive`.
const isBare = !existsSync(join(from, 'mapping')) && existsSync(join(from, 'HEAD'));
const gitDir = isBare ? from : join(from, '.git');
const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
let root = from;
let temp: string | undefined;
if (isBare) {
  temp = mkdtempSync(join(tmpdir(), 'dvhcvn-'));
  // No shell: the path is an argument, never part of a command line.
  const tar = join(temp, 'source.tar');
  execFileSync('git', ['--git-dir', gitDir, 'archive', '-o', tar, 'HEAD', 'LICENSE', 'mapping/merges.json', 'output', 'input/docs/1027_CTK-CSCL.md']);
  execFileSync('tar', ['-x', '-f', tar, '-C', temp]);
  root = temp;
}

interface Result { citation?: { header?: string; line?: string }; ward_code?: string; ward_name?: string; province_name?: string }
const results = (list: Result[]) => list.map((r) => ({ code: r.ward_code ?? '', name: r.ward_name ?? '', header: r.citation?.header ?? '', line: r.citation?.line ?? '' }));
const former: { province: string; district: string; code: string; address: string; results: { code: string; name: string; header: string; line: string }[] }[] = [];
for (const province of readdirSync(join(root, 'output')).filter((p) => !p.endsWith('.json')).sort()) {
  // A district with no communes (an island district such as Côn Đảo, 755) is itself a former unit: output/<province>/<district>.json.
  for (const file of readdirSync(join(root, 'output', province)).filter((d) => d.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(root, 'output', province, file), 'utf8')) as { address: string; result: Result[] };
    former.push({ province, district: '', code: file.replace(/\.json$/, ''), address: data.address, results: results(data.result) });
  }
  for (const district of readdirSync(join(root, 'output', province)).filter((d) => !d.endsWith('.json')).sort()) {
    for (const file of readdirSync(join(root, 'output', province, district)).sort()) {
      const data = JSON.parse(readFileSync(join(root, 'output', province, district, file), 'utf8')) as { address: string; result: Result[] };
      former.push({
        province,
        district,
        code: file.replace(/\.json$/, ''),
        address: data.address,
        results: results(data.result),
      });
    }
  }
}
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9, mtime: 0 } as never);
writeFileSync(join(out, 'merges.json.gz'), gz(readFileSync(join(root, 'mapping/merges.json'), 'utf8')));
writeFileSync(join(out, 'former-units.json.gz'), gz(JSON.stringify(former)));
writeFileSync(join(out, '1027_CTK-CSCL.md.gz'), gz(readFileSync(join(root, 'input/docs/1027_CTK-CSCL.md'), 'utf8')));
writeFileSync(join(out, 'LICENSE'), readFileSync(join(root, 'LICENSE'), 'utf8'));
writeFileSync(join(out, 'SOURCE.json'), `${JSON.stringify({ repository: 'https://github.com/dvhcvn/20250701', commit, licence: 'MIT', formerUnits: former.length }, null, 2)}\n`);
if (temp) rmSync(temp, { recursive: true, force: true });
console.log(`units:source: ${former.length} former units from dvhcvn/20250701@${commit.slice(0, 7)} → ${out}`);
