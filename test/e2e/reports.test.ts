import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { fastDataDir } from '../integration/domain-support.js';
import { ensureDashboardBuilt, launchChromium, newUser, screenshot, SCREENSHOT_DIR } from './support/browser.js';

// A leader produces the 2006–2010 review report on /reports and downloads it as .docx and PDF; both
// files carry the API's figures. The demo dataset (npm start on an empty database) holds those years.
const PERIOD = { from: '2005-12-31T17:00:00.000Z', to: '2010-12-31T17:00:00.000Z' }; // 2006-01-01 .. 2011-01-01 in Vietnam
const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** The rows of every table in a .docx's word/document.xml: each cell's text. */
function docxTables(xml: string): string[][] {
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => text(cell[0])));
}
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('review reports in Chromium: a leader downloads the 2006–2010 report as .docx and PDF', () => {
  let stack: RunningStack;
  let browser: Browser;
  let leader: string;
  const dir = mkdtempSync(join(tmpdir(), 'dp-reports-e2e-'));

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack({ demo: true, dataDir: fastDataDir(), startTimeoutMs: 600_000 }), launchChromium()]);
    leader = await stack.token('LEADERSHIP', undefined, 'e2e-leader');
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
    rmSync(dir, { recursive: true, force: true });
  });

  async function downloadFrom(page: Page, name: RegExp): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name }).first().click()]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return path;
  }

  // The demo's overview (its issue: 4,158 attendances beside rows adding up to 558, former wards nowhere).
  it('adds up every chart\'s table to its tile on the overview, for all time, for this year and for 2025', async () => {
    const { context, page } = await newUser(browser, stack.url, leader);
    await page.goto('/');
    const picker = page.getByTestId('period-picker');
    const tile = async () => Number(await page.getByTestId('kpi-attendance').first().getAttribute('data-value'));
    const sumOf = (testId: string) => page.getByTestId(testId).locator('td[data-value]').evaluateAll((cells) => cells.reduce((n, c) => n + Number(c.getAttribute('data-value')), 0));
    const rowsOf = () => page.getByTestId('chart-by-ward-table').locator('tbody th').allTextContents();
    // All time and 2025: today's four wards with the history that went whole into them, Phú Mỹ (divided)
    // apart, and the row of what belongs to no unit; this year: the four wards and that row. Each step
    // changes the rows, so the poll below waits for the period's own summary.
    const history = ['Tân Thuận', 'Tân Hưng', 'Phú Thuận', 'Tân Mỹ', 'Phú Mỹ (Quận 7)', 'Không thuộc phường, xã'];
    const tiles: number[] = [];
    for (const [year, rows] of [[undefined, history], [String(new Date().getFullYear()), ['Tân Thuận', 'Tân Hưng', 'Phú Thuận', 'Tân Mỹ', 'Không thuộc phường, xã']], ['2025', history]] as const) {
      await picker.getByLabel('Loại kỳ').selectOption(year ? 'year' : 'all');
      if (year) await picker.getByLabel('Năm').selectOption(year);
      await expect.poll(rowsOf, { timeout: 20_000 }).toEqual(rows);
      const attendance = await tile();
      expect(await sumOf('chart-by-ward-table'), year ?? 'all').toBe(attendance);
      expect(await sumOf('chart-by-category-table'), year ?? 'all').toBe(attendance);
      tiles.push(attendance);
    }
    expect(tiles[0]).toBeGreaterThan(tiles[1]! + tiles[2]!);
    await screenshot(page, 'overview-2025-adds-up');
    await context.close();
  });

  it('opens /reports?from=2006-01-01&to=2011-01-01, and both downloads hold the figures the API answers', async () => {
    const api = expectData<any>(
      await stack.graphql(
        `query ($p: PeriodInput!) { report(period: $p) { totals { sessions attendance concerns concernsClosed taxRounds businessesEngaged }
          wards { wardName sessions attendance } thematicDialogues { attendance attendanceByCategory { category count } }
          tax { rounds businessesEngaged bySector { sector businesses } }
          concerns { raised answeredOnSpot resolvedByWard resolvedByDistrict answeredAfterEscalation escalatedWaiting waiting } } }`,
        { p: PERIOD },
        leader,
      ),
    ).report;
    // The report's own figures, as the demo reproduces them.
    expect(api.wards.find((w: any) => w.wardName === 'Bình Thuận')).toMatchObject({ sessions: 5, attendance: 293 });
    expect(api.wards.find((w: any) => w.wardName === 'Tân Hưng')).toMatchObject({ sessions: 6, attendance: 306 });
    expect(api.tax).toMatchObject({ rounds: 6, businessesEngaged: 435 });

    const { context, page } = await newUser(browser, stack.url, leader, 'vi');
    await page.goto('/reports?from=2006-01-01&to=2011-01-01');
    const doc = page.getByTestId('report-document');
    await expect.poll(() => doc.textContent(), { timeout: 30_000 }).toContain('(Từ ngày 01/01/2006 đến ngày 31/12/2010)');
    expect(await doc.textContent()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await doc.textContent()).toContain('gồm: 396 đoàn viên; 122 đảng viên; 47 hội viên phụ nữ');
    await screenshot(page, 'reports-2006-2010');

    // .docx: the XML of the document, table by table.
    const docxPath = await downloadFrom(page, /\.docx/);
    expect(docxPath.endsWith('.docx')).toBe(true);
    const xml = unescapeXml(execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const rows = docxTables(xml);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('BÁO CÁO');
    for (const w of api.wards) {
      const row = rows.find((r) => r[1] === w.wardName);
      expect(row?.slice(3), w.wardName).toEqual([vi(w.sessions), vi(w.attendance)]);
    }
    const cell = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(cell('Tổng số ý kiến, kiến nghị tiếp nhận')).toBe(vi(api.concerns.raised));
    expect(cell('Trả lời trực tiếp tại buổi đối thoại')).toBe(vi(api.concerns.answeredOnSpot));
    expect(cell('Quận giải quyết')).toBe(vi(api.concerns.resolvedByDistrict));
    expect(cell('Trình Thành phố, Trung ương và đã trả lời')).toBe(vi(api.concerns.answeredAfterEscalation));
    expect(cell('Tổng cộng')).toBe(vi(api.tax.businessesEngaged));
    const thematic = rows.filter((r) => r.length === 6 && /^\d+$/.test(r[0]!));
    expect(thematic.map((r) => r[5])).toEqual(api.thematicDialogues.map((d: any) => vi(d.attendance)));
    expect(thematic.map((r) => r[4]).join('; ')).toMatch(/\d+ đoàn viên/);
    const count = (category: string) => api.thematicDialogues.flatMap((d: any) => d.attendanceByCategory).filter((c: any) => c.category === category).reduce((n: number, c: any) => n + c.count, 0);
    expect([count('YOUTH_UNION_MEMBER'), count('PARTY_MEMBER'), count('WOMENS_UNION_MEMBER')]).toEqual([396, 122, 47]);
    expect(xml).toContain(`Tổ chức ${vi(api.tax.rounds)} đợt đối thoại với ${vi(api.tax.businessesEngaged)} doanh nghiệp`);
    expect(xml).toContain(`đã tổ chức ${vi(api.totals.sessions)} buổi đối thoại với ${vi(api.totals.attendance)} lượt người tham dự`);
    // The thematic dialogues' totals by category, as the source report states them.
    expect(xml).toContain('gồm: 396 đoàn viên; 122 đảng viên; 47 hội viên phụ nữ');

    // PDF: its text layer, read back with pdftotext (poppler-utils).
    const pdfPath = await downloadFrom(page, /PDF/);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    // Kept for people to look at (pdftoppm -png -r 80 -f 1 -l 1 …): the text layer says nothing about the glyphs.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(pdfPath, join(SCREENSHOT_DIR, 'reports-2006-2010.pdf'));
    copyFileSync(docxPath, join(SCREENSHOT_DIR, 'reports-2006-2010.docx'));
    const layout = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const flat = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
    for (const w of api.wards) {
      const line = layout.split('\n').find((l) => new RegExp(`^\\s*\\d+\\s+${w.wardName}\\s`).test(l));
      expect(line?.trim().split(/\s{2,}|\s(?=\d+$)/).slice(-2), w.wardName).toEqual([vi(w.sessions), vi(w.attendance)]);
    }
    expect(flat).toContain(`Tổ chức ${vi(api.tax.rounds)} đợt đối thoại với ${vi(api.tax.businessesEngaged)} doanh nghiệp`);
    expect(flat).toContain(`đã tổ chức ${vi(api.totals.sessions)} buổi đối thoại với ${vi(api.totals.attendance)} lượt người tham dự`);
    expect(flat).toContain('gồm: 396 đoàn viên; 122 đảng viên; 47 hội viên phụ nữ');
    expect(layout).toMatch(new RegExp(`Tổng số ý kiến, kiến nghị tiếp nhận\\s+${vi(api.concerns.raised).replace('.', '\\.')}\\s*$`, 'm'));
    expect(layout).toMatch(new RegExp(`Tổng cộng\\s+${vi(api.tax.businessesEngaged)}\\s*$`, 'm'));
    await context.close();
  }, 300_000);

  it('opens the issued tổng kết from the list: its frozen figures, number and date are in the .docx', async () => {
    const { context, page } = await newUser(browser, stack.url, leader, 'en');
    await page.goto('/reports?from=2006-01-01&to=2011-01-01');
    await page.getByRole('link', { name: /12\/BC-UBND/ }).click();
    const doc = page.getByTestId('report-document');
    await expect.poll(() => doc.textContent(), { timeout: 30_000 }).toContain('Số: 12/BC-UBND');
    expect(await doc.textContent()).toContain('Quận 7, ngày 20 tháng 01 năm 2011');
    expect(new URL(page.url()).searchParams.get('id')).toBeTruthy();
    const xml = execFileSync('unzip', ['-p', await downloadFrom(page, /\.docx/), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(xml).toContain('Số: 12/BC-UBND');
    expect(xml).toContain('III. BÀI HỌC KINH NGHIỆM');
    const rows = docxTables(xml);
    expect(rows.find((r) => r[1] === 'Bình Thuận')?.slice(3)).toEqual(['5', '293']);
    expect(rows.find((r) => r[1] === 'Tân Hưng')?.slice(3)).toEqual(['6', '306']);
    await context.close();
  }, 180_000);
});
