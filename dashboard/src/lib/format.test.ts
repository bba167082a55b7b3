import { describe, expect, it } from 'vitest';
import { toCsv } from './export/csv.js';
import { formatDate, formatDateTime, hcmcLocalToIso, matchesSearch } from './format.js';

describe('dates, search and CSV as Vietnamese users expect', () => {
  it('writes dates dd/MM/yyyy in Ho Chi Minh City, whatever the UTC date', () => {
    expect(formatDate('2026-03-01T18:30:00.000Z')).toBe('02/03/2026');
    expect(formatDateTime('2026-03-01T18:30:00.000Z')).toBe('02/03/2026 01:30');
  });

  it('reads a time typed in Ho Chi Minh City as the right instant', () => {
    expect(hcmcLocalToIso('2026-11-27T08:00')).toBe('2026-11-27T01:00:00.000Z');
  });

  it('finds "Tân Hưng" from "tan hung" and "Đường" from "duong"', () => {
    expect(matchesSearch('Ngập nước phường Tân Hưng', 'tan hung')).toBe(true);
    expect(matchesSearch('Đường Huỳnh Tấn Phát', 'duong huynh')).toBe(true);
    expect(matchesSearch('Phường Tân Quy', 'tan hung')).toBe(false);
  });

  it('writes CSV that Excel opens with diacritics: a BOM, CRLF, quotes where needed', () => {
    const csv = toCsv([{ name: 'Tân Hưng', note: 'a "quoted", text' }], [
      { header: 'Phường', value: (r) => r.name },
      { header: 'Ghi chú', value: (r) => r.note },
    ]);
    expect(csv).toBe('\uFEFFPhường,Ghi chú\r\nTân Hưng,"a ""quoted"", text"\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
