import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { buildJurisdiction, type Jurisdiction } from '../functions/domain/units/wards.js';

/**
 * A jurisdiction's units from a file a deployment keeps in git (docs/guide.md, "Units through time"):
 * - `.json`: the layout of functions/data/units.json (reorganisations are not read from it);
 * - `.csv`: the statistics office's list layout, one row per unit, with the columns
 *   `Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp` (`Tên Tiếng Anh` and any other
 *   column is ignored; `Quận Huyện`/`Mã QH` are empty in lists from 1/7/2025, which have two levels).
 *   Lines starting with `#` are comments; a comment containing "GENERATED" marks every unit generated.
 * Ids are made from the name and the code (`phuong-tan-thuan-27478`): stable, and never the code alone.
 */
export function loadUnitsFile(path: string, options: { name?: string; validFrom?: string } = {}): Jurisdiction {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (path.endsWith('.json')) return buildJurisdiction(JSON.parse(text));
  const generated = /^#.*GENERATED/m.test(text);
  const rows = parse(text, { columns: true, comment: '#', skip_empty_lines: true, trim: true }) as Record<string, string>[];
  if (rows.length === 0) throw new Error(`${path}: no units`);
  for (const column of ['Tỉnh Thành Phố', 'Mã TP', 'Phường Xã', 'Mã PX', 'Cấp']) {
    if (!(column in rows[0]!)) throw new Error(`${path}: the statistics office's layout needs a "${column}" column`);
  }
  const LEVELS: Record<string, string> = { Phường: 'WARD', Xã: 'COMMUNE', 'Đặc khu': 'SPECIAL_ZONE', 'Thị trấn': 'COMMUNE' };
  const parents = new Map<string, string>();
  const units = rows.map((row, i) => {
    const kind = row['Cấp']!.normalize('NFC');
    const level = LEVELS[kind];
    if (!level) throw new Error(`${path}, row ${i + 2}: unknown Cấp "${kind}" (Phường, Xã, Đặc khu)`);
    const full = row['Phường Xã']!.normalize('NFC');
    const name = full.replace(new RegExp(`^${kind}\\s+`, 'u'), '');
    const code = row['Mã PX']!;
    if (!/^\d{5}$/.test(code)) throw new Error(`${path}, row ${i + 2}: Mã PX must be five digits, got "${code}"`);
    parents.set(row['Mã TP']!, row['Tỉnh Thành Phố']!.normalize('NFC'));
    const slug = full.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { id: `${slug.slice(0, 33)}-${code}`, code, name, level, parent: row['Mã TP']!, ...(options.validFrom ? { validFrom: options.validFrom } : {}), order: i + 1, ...(generated ? { generated: true } : {}) };
  });
  return buildJurisdiction({
    jurisdiction: { name: options.name ?? [...parents.values()][0]! },
    parents: [...parents].map(([code, name]) => ({ code, name, level: 'CITY' })),
    units,
  });
}
