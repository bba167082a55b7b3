import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser } from './support/browser.js';
import { SIZES, shoot, textOverflows, type SizeName } from './support/page-checks.js';
import { liveSessionWithLongNames, publicTaxQuestion, settled, useLanguage, type Lang } from './support/screens.js';
import { publicOpinionCode } from './support/screens.js';
import { seedActivity } from './support/seed.js';

const BIG = 9_999_999;

/** Every number of a summary answer made 9.999.999: the widest value the wallboard must fit. */
function inflate(value: any): any {
  if (typeof value === 'number') return BIG;
  if (Array.isArray(value)) return value.map(inflate);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inflate(v)]));
  return value;
}

// How the dashboard looks where people meet it: the wallboard on a TV, the charts, the feed, the concerns
// board with 100+ concerns, and every key screen at phone, laptop and TV sizes in both languages, each
// checked in the page for text that overflows its box. Screenshots: test-output/visual/.
describe('the dashboard laid out at every size', () => {
  let stack: RunningStack;
  let browser: Browser;
  let admin: string;
  let leader: string;
  let liveSession: string;
  const call = async (query: string, variables: Record<string, unknown>, token = admin) => expectData<any>(await stack.graphql(query, variables, token));
  const checkIn = (sessionId: string, count: number, token = admin, category = 'RESIDENT') =>
    call('mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance } }', { input: { sessionId, category, count, requestId: crypto.randomUUID() } }, token);

  const expectNoOverflow = async (page: Page, where: string) => {
    const overflows = await textOverflows(page);
    expect(overflows, `text overflowing its box on ${where}`).toEqual([]);
  };

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    admin = await stack.token('ADMIN', undefined, 'e2e-layout-admin');
    leader = await stack.token('LEADERSHIP');
    await seedActivity(stack, admin);
    liveSession = await liveSessionWithLongNames(stack, admin);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('fits 9.999.999 in every wallboard tile, fills the screen and needs no scrolling, from 1280×720 to 3840×2160, in both languages', async () => {
    const { context, page } = await newUser(browser, stack.url, leader);
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('OverviewSummary')) return route.continue().catch(() => undefined);
      // NOTE: on a busy machine the server may reset a kept-alive connection; the browser would retry, so do we.
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await route.fetch();
          const json = await response.json();
          json.data.summary = inflate(json.data.summary);
          // Tiles that add two counts (open + in progress, the three closed kinds) also show 9.999.999.
          Object.assign(json.data.summary.concerns, { inProgress: 0, resolved: 0, answered: 0 });
          await route.fulfill({ response, json });
          return;
        } catch (error) {
          if (attempt === 3) return route.abort().catch(() => undefined); // the page was left, or the server is gone
        }
      }
    });
    await page.goto('/');
    for (const lang of ['vi', 'en'] as Lang[]) {
      await useLanguage(page, lang);
      for (const size of ['small', 'laptop', 'tv', 'uhd'] as SizeName[]) {
        const viewport = SIZES[size];
        await page.setViewportSize(viewport);
        await page.goto('/wallboard');
        await expect.poll(() => page.getByTestId('kpi-attendance').getAttribute('data-value'), { timeout: 20_000 }).toBe(String(BIG));
        await page.locator('.wallboard-ward dd').first().waitFor();
        await settled(page);
        const where = `the wallboard at ${viewport.width}×${viewport.height} (${lang})`;
        await expectNoOverflow(page, where);
        const layout = await page.evaluate(() => {
          const tiles = [...document.querySelectorAll<HTMLElement>('.kpi-tiles.large .kpi')].map((tile) => {
            const box = tile.getBoundingClientRect();
            const value = tile.querySelector<HTMLElement>('.kpi-value')!;
            const text = document.createRange();
            text.selectNodeContents(value);
            const drawn = text.getBoundingClientRect();
            return { inside: drawn.left >= box.left - 0.5 && drawn.right <= box.right + 0.5, text: value.textContent, fontPx: parseFloat(getComputedStyle(value).fontSize) };
          });
          return { tiles, boardWidth: document.querySelector('.kpi-tiles')!.getBoundingClientRect().width, scrollHeight: document.documentElement.scrollHeight };
        });
        expect(layout.tiles.length, where).toBe(7);
        for (const tile of layout.tiles) {
          expect(tile.text, where).toBe(lang === 'vi' ? '9.999.999' : '9,999,999');
          expect(tile.inside, `${where}: ${tile.text} drawn outside its tile`).toBe(true);
          // Legible across a room: the digits are at least 5 % of the screen's height.
          expect(tile.fontPx, `${where}: number size`).toBeGreaterThanOrEqual(viewport.height * 0.05);
        }
        expect(layout.boardWidth, `${where}: the tiles use the screen's width`).toBeGreaterThanOrEqual(viewport.width * 0.9);
        expect(layout.scrollHeight, `${where}: fits the screen`).toBeLessThanOrEqual(viewport.height + 1);
        await shoot(page, `wallboard-9999999-${viewport.width}x${viewport.height}-${lang}`, false);
      }
    }
    await context.close();
  }, 180_000);

  it('writes every ward name on one line of the chart, none over another, on a laptop and on a phone, with the numbers as a table', async () => {
    const { context, page } = await newUser(browser, stack.url, leader, 'vi');
    for (const size of ['laptop', 'phone'] as SizeName[]) {
      await page.setViewportSize(SIZES[size]);
      await page.goto('/');
      for (const chart of ['chart-by-ward', 'chart-by-category']) {
        const ticks = page.getByTestId(chart).locator('text.axis-label');
        await expect.poll(() => ticks.count(), { timeout: 20_000 }).toBeGreaterThan(3); // the overview shows today's four wards (units through time)
        const boxes = await ticks.evaluateAll((texts) => {
          const svg = texts[0]!.closest('svg')!.getBoundingClientRect();
          return texts.map((t) => {
            const b = t.getBoundingClientRect();
            return { text: t.textContent, lines: t.querySelectorAll('tspan').length, top: b.top, bottom: b.bottom, left: b.left, right: b.right, svgLeft: svg.left };
          });
        });
        const where = `${chart} at ${size}`;
        if (chart === 'chart-by-ward') expect(boxes.map((b) => b.text), where).toEqual(expect.arrayContaining(['Tân Thuận', 'Tân Hưng', 'Phú Thuận', 'Tân Mỹ']));
        for (const [i, box] of boxes.entries()) {
          expect(box.lines, `${where}: "${box.text}" on one line`).toBeLessThanOrEqual(1);
          expect(box.left, `${where}: "${box.text}" inside the chart`).toBeGreaterThanOrEqual(box.svgLeft - 0.5);
          const next = boxes[i + 1];
          if (next) expect(next.top, `${where}: "${next.text}" clear of "${box.text}"`).toBeGreaterThanOrEqual(box.bottom - 0.5);
        }
      }
      await expectNoOverflow(page, `the overview at ${size}`);
    }
    const table = page.getByTestId('chart-by-ward-table');
    await table.locator('summary').click();
    const rows = await table.locator('tbody tr').allInnerTexts();
    // Today's four wards with their history, the divided former ward apart, and what belongs to no ward (units through time).
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['Tân Thuận', 'Tân Hưng', 'Phú Thuận', 'Tân Mỹ', 'Phú Mỹ (Quận 7)', 'Không thuộc phường, xã']);
    expect(rows.find((r) => r.startsWith('Tân Thuận'))).toMatch(/^Tân Thuận\s+Đợt 2; gồm Bình Thuận, Tân Thuận Đông, Tân Thuận Tây\s+\d+/);
    await shoot(page, 'overview-charts-phone-vi');
    await context.close();
  }, 120_000);

  it('merges consecutive check-ins at one session into one feed line whose total grows live, the detail still open to a leader', async () => {
    const { scheduleSession } = await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
      input: { kind: 'PUBLIC', title: 'Đối thoại khu phố 5', wardId: 'phu-thuan-2025', hostBody: 'UBND phường Tân Quy', scheduledAt: new Date().toISOString() },
    });
    const sessionId = scheduleSession.id as string;
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: sessionId });
    const officer = await stack.token('WARD_OFFICER', 'phu-thuan-2025');
    for (let batch = 0; batch < 34; batch += 6) await Promise.all(Array.from({ length: Math.min(6, 34 - batch) }, () => checkIn(sessionId, 1, officer)));

    const { context, page } = await newUser(browser, stack.url, leader, 'vi');
    await page.goto('/');
    const lines = page.getByTestId('activity-feed').locator(`li[data-action="CHECKED_IN"][data-session-id="${sessionId}"]`);
    await expect.poll(() => lines.first().locator('summary').textContent(), { timeout: 20_000 }).toContain('Điểm danh 34 lượt · Đối thoại khu phố 5');
    expect(await lines.count()).toBe(1);
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    await checkIn(sessionId, 2, officer, 'PARTY_MEMBER');
    await expect.poll(() => lines.first().getAttribute('data-total'), { timeout: 30_000 }).toBe('36');
    expect(await lines.first().locator('summary').textContent()).toContain('Điểm danh 36 lượt');
    expect(await lines.count()).toBe(1);
    expect(navigations).toBe(0);

    await lines.first().locator('summary').click();
    const entries = lines.first().locator('details ul li');
    expect(await entries.count()).toBe(35);
    expect(await entries.first().textContent()).toMatch(/\d\d:\d\d 2 · Đảng viên/);
    await shoot(page, 'feed-merged-vi');
    await context.close();
  }, 120_000);

  it('keeps every status of 100+ concerns in view: counts, a page of cards per column with "show more", oldest waiting first', async () => {
    const { scheduleSession } = await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
      input: { kind: 'PUBLIC', title: 'Đối thoại tiếp nhận kiến nghị', wardId: 'tan-thuan-2025', hostBody: 'UBND phường Tân Kiểng', scheduledAt: new Date().toISOString() },
    });
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: scheduleSession.id });
    const raise = (n: number) =>
      call('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }', {
        input: { sessionId: scheduleSession.id, topic: `Kiến nghị số ${n} về vỉa hè và chiếu sáng khu phố`, text: 'Nội dung kiến nghị.', authority: 'WARD', requestId: crypto.randomUUID() },
      });
    const ids: string[] = [];
    // In order (the board sorts by when each was raised), eight at a time to spare a busy machine's time.
    for (let n = 1; n <= 104; n += 8) ids.push(...(await Promise.all(Array.from({ length: 8 }, (_, i) => raise(n + i)))).map((r) => r.raiseConcern.id));
    ids.push((await raise(105)).raiseConcern.id); // the newest, alone
    await Promise.all(ids.slice(0, 12).map((id) => call('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { id } }', { input: { concernId: id, to: 'IN_PROGRESS', note: 'Giao bộ phận chuyên môn' } })));
    const openTotal = (await call('{ concerns(status: OPEN, first: 1) { totalCount } }', {})).concerns.totalCount as number;
    expect(openTotal).toBeGreaterThan(90);

    const { context, page } = await newUser(browser, stack.url, leader, 'vi');
    await page.setViewportSize(SIZES.laptop);
    await page.goto('/concerns');
    const open = page.locator('.board-column[data-status="OPEN"]');
    // Every page of the API is read: the column counts all open concerns, not the first 100.
    await expect.poll(() => open.locator('h2 .count').textContent(), { timeout: 30_000 }).toBe(String(openTotal));
    await settled(page);
    const headings = await page.locator('.board-column h2').evaluateAll((hs) => hs.map((h) => ({ text: h.textContent, bottom: h.getBoundingClientRect().bottom })));
    expect(headings).toHaveLength(6);
    for (const h of headings) expect(h.bottom, `"${h.text}" in the first screen`).toBeLessThanOrEqual(SIZES.laptop.height);
    expect(await page.getByTestId('board-summary').locator('li').allInnerTexts()).toHaveLength(6);
    expect(await open.locator('.card').count()).toBe(8);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(SIZES.laptop.height * 2.5);

    const raisedAt = () => open.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-raised-at')!));
    const first = await raisedAt();
    expect(first).toEqual([...first].sort());
    expect(await open.locator('.card').first().textContent()).not.toContain('Kiến nghị số 105 ');
    await open.getByRole('button', { name: `Xem thêm 8 (còn ${openTotal - 8})` }).click();
    expect(await open.locator('.card').count()).toBe(16);
    expect((await raisedAt()).slice(0, 8)).toEqual(first);
    await expectNoOverflow(page, 'the concerns board at 1440×900');
    await shoot(page, 'concerns-100plus-laptop-vi');

    await page.getByTestId('concern-sort').selectOption('newest');
    await expect.poll(() => open.locator('.card').first().textContent()).toContain('Kiến nghị số 105 ');
    const newest = await raisedAt();
    expect(newest).toEqual([...newest].sort().reverse());

    await page.setViewportSize(SIZES.phone);
    await expectNoOverflow(page, 'the concerns board on a phone');
    await shoot(page, 'concerns-100plus-phone-vi');
    await context.close();
  }, 300_000);

  it('draws every key screen without overflowing text at phone, laptop and TV sizes in both languages (screenshots in test-output/visual)', async () => {
    const concernId = (await call('{ concerns(first: 1) { edges { node { id } } } }', {})).concerns.edges[0].node.id as string;
    const officerToken = await stack.token('WARD_OFFICER', 'tan-thuan-2025');
    const taxToken = await stack.token('TAX_OFFICER', undefined, 'layout-tax');
    const asked = await publicTaxQuestion(stack, admin);
    const screens: { name: string; path: string; token: string; ready?: string }[] = [
      { name: 'overview', path: '/', token: leader, ready: '[data-testid="chart-by-ward"] svg' },
      { name: 'wallboard', path: '/wallboard', token: leader, ready: '.kpi-tiles' },
      { name: 'wards', path: '/wards', token: leader },
      { name: 'ward', path: '/ward/tan-thuan-dong', token: leader },
      { name: 'tax', path: '/tax', token: leader },
      { name: 'concerns', path: '/concerns', token: leader, ready: '.board-column' },
      { name: 'concern', path: `/concerns/${concernId}`, token: leader },
      { name: 'reports', path: '/reports?from=2026-01-01&to=2027-01-01', token: leader },
      { name: 'deadlines', path: '/deadlines', token: leader },
      { name: 'logging', path: '/logging', token: officerToken, ready: '.session-list li' },
      { name: 'kiosk', path: `/kiosk/${liveSession}`, token: officerToken, ready: 'button[data-category]:not([disabled])' },
      { name: 'voice', path: '/voice', token: officerToken, ready: '#board-title' },
      // The residents' public page needs no token; a look-up code's opinion is shown.
      { name: 'public page', path: `/y-kien?phuong=tan-hung-2025&ma=${await publicOpinionCode(stack)}`, token: leader, ready: '[data-testid="lookup-status"]' },
      { name: 'business page', path: `/doanh-nghiep?ma=${asked.code}`, token: leader, ready: '[data-testid="lookup-status"]' },
      { name: 'business record', path: `/businesses/${asked.taxCode}`, token: taxToken, ready: '[data-testid="business-questions"]' },
      { name: 'tax questions', path: '/tax/questions', token: taxToken, ready: '[data-testid="tax-agenda"]' },
      { name: 'tax report', path: '/reports?from=2026-01-01&to=2027-01-01&office=thue-co-so-7-tphcm', token: taxToken, ready: '[data-testid="report-document"]' },
    ];
    const problems: string[] = [];
    for (const token of [leader, officerToken, taxToken]) {
      const { context, page } = await newUser(browser, stack.url, token);
      await page.goto('/');
      for (const lang of ['vi', 'en'] as Lang[]) {
        await useLanguage(page, lang);
        // Each screen is opened once per language and laid out again at each size (the layout follows
        // the viewport through CSS and ResizeObservers alone: nothing reads the size only at load).
        for (const screen of screens.filter((s) => s.token === token)) {
          await page.setViewportSize(SIZES.phone);
          await page.goto(screen.path);
          for (const size of ['phone', 'laptop', 'tv'] as SizeName[]) {
            await page.setViewportSize(SIZES[size]);
            await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
            await settled(page, screen.ready).catch((error: Error) => {
              throw new Error(`${screen.name} (${screen.path}) at ${size} in ${lang} never drew: ${error.message.split('\n')[0]}`);
            });
            for (const o of await textOverflows(page)) problems.push(`${screen.name} ${size} ${lang}: ${o.element} "${o.text}" ${o.scrollWidth} > ${o.clientWidth}`);
            await shoot(page, `${screen.name}-${size}-${lang}`, screen.name !== 'wallboard');
          }
        }
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 400_000);
});
