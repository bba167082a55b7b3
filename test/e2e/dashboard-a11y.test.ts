import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser } from './support/browser.js';
import { axeProblems, shoot } from './support/page-checks.js';
import { liveSessionWithLongNames, settled, useLanguage, type Lang } from './support/screens.js';
import { publicOpinionCode, publicTaxQuestion } from './support/screens.js';
import { seedActivity } from './support/seed.js';

/** What the keyboard focus is on, and whether it is visibly marked (outline or ring of at least 2 px). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', visible: false, href: '', value: '', category: '' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().slice(0, 50),
      visible: outline || ring,
      href: el.getAttribute('href') ?? '',
      value: (el as HTMLInputElement).value ?? '',
      category: el.getAttribute('data-category') ?? '',
    };
  });
}

// WCAG 2.2 AA in the browser: axe-core on every screen (both languages, leadership and an officer),
// a keyboard-only path with the focus always visible, and dates typed as the page writes them in a
// browser whose own locale is English.
describe('the dashboard for everyone', () => {
  let stack: RunningStack;
  let browser: Browser;
  let admin: string;
  let liveSession: string;
  let kioskSession: string;
  const call = async (query: string, variables: Record<string, unknown>, token = admin) => expectData<any>(await stack.graphql(query, variables, token));

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    admin = await stack.token('ADMIN', undefined, 'e2e-a11y-admin');
    await seedActivity(stack, admin);
    liveSession = await liveSessionWithLongNames(stack, admin);
    const { scheduleSession } = await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
      input: { kind: 'PUBLIC', title: 'Đối thoại khu phố 1 Tân Thuận', wardId: 'tan-thuan-2025', hostBody: 'UBND phường Tân Thuận', scheduledAt: new Date().toISOString() },
    });
    kioskSession = scheduleSession.id;
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: kioskSession });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('has no serious or critical axe violation on any screen, in Vietnamese and English, for leadership and for an officer', async () => {
    const concernId = (await call('{ concerns(first: 1) { edges { node { id } } } }', {})).concerns.edges[0].node.id as string;
    const leader = await stack.token('LEADERSHIP');
    const officer = await stack.token('WARD_OFFICER', 'tan-thuan-2025');
    const tax = await stack.token('TAX_OFFICER', undefined, 'a11y-tax');
    const asked = await publicTaxQuestion(stack, admin);
    const screens: { who: string; token?: string; name: string; path: string; ready?: string; then?(page: Page): Promise<void> }[] = [
      { who: 'anyone', name: 'sign-in', path: '/', ready: 'button[type="submit"]' },
      { who: 'leader', token: leader, name: 'overview', path: '/', ready: '[data-testid="chart-by-ward"] svg' },
      {
        who: 'leader', token: leader, name: 'overview, custom period, tables and feed open', path: '/', ready: '[data-testid="chart-by-ward"] svg',
        then: async (page) => {
          await page.getByTestId('period-picker').locator('select').first().selectOption('custom');
          for (const summary of await page.locator('details summary').all()) await summary.click();
        },
      },
      { who: 'leader', token: leader, name: 'wallboard', path: '/wallboard', ready: '.kpi-tiles' },
      { who: 'leader', token: leader, name: 'wards', path: '/wards' },
      { who: 'leader', token: leader, name: 'ward', path: '/ward/tan-thuan-dong' },
      { who: 'leader', token: leader, name: 'tax', path: '/tax' },
      { who: 'leader', token: leader, name: 'concerns', path: '/concerns', ready: '.board-column' },
      { who: 'leader', token: leader, name: 'concern', path: `/concerns/${concernId}` },
      { who: 'leader', token: leader, name: 'not found', path: '/logging' },
      { who: 'leader', token: leader, name: 'explorer', path: '/explorer', ready: '.graphiql-execute-button' },
      { who: 'leader', token: leader, name: 'reports', path: '/reports?from=2026-01-01&to=2027-01-01' },
      { who: 'leader', token: leader, name: 'deadlines', path: '/deadlines' },
      { who: 'leader', token: leader, name: 'units through time', path: '/units', ready: '[data-testid="lineage-diagram"] svg' },
      { who: 'leader', token: leader, name: 'hand-over', path: '/handover' },
      {
        who: 'leader', token: leader, name: 'a ward with its predecessors', path: '/ward/tan-hung-2025', ready: '[data-testid="with-predecessors"]',
        then: async (page) => page.getByTestId('with-predecessors').check(),
      },
      { who: 'officer', token: officer, name: 'reports of its ward', path: '/reports?from=2026-01-01&to=2027-01-01&ward=tan-thuan-dong' },
      { who: 'officer', token: officer, name: 'overview', path: '/', ready: '[data-testid="chart-by-ward"] svg' },
      { who: 'officer', token: officer, name: 'logging', path: '/logging', ready: '.session-list li' },
      { who: 'officer', token: officer, name: 'kiosk', path: `/kiosk/${liveSession}`, ready: 'button[data-category]:not([disabled])' },
      { who: 'officer', token: officer, name: 'concern with its move form', path: `/concerns/${concernId}` },
      { who: 'officer', token: officer, name: "residents' voice", path: '/voice', ready: '#board-title' },
      { who: 'leader', token: leader, name: "residents' voice", path: '/voice', ready: '#board-title' },
      { who: 'anyone', name: 'public page with a look-up', path: `/y-kien?phuong=tan-hung-2025&ma=${await publicOpinionCode(stack)}`, ready: '[data-testid="lookup-status"]' },
      { who: 'anyone', name: "businesses' page with a look-up", path: `/doanh-nghiep?ma=${asked.code}`, ready: '[data-testid="lookup-status"]' },
      { who: 'tax officer', token: tax, name: "a business's record", path: `/businesses/${asked.taxCode}`, ready: '[data-testid="business-questions"]' },
      { who: 'tax officer', token: tax, name: 'questions sent in advance', path: '/tax/questions', ready: '[data-testid="tax-agenda"]' },
      { who: 'tax officer', token: tax, name: "its office's report", path: '/reports?from=2026-01-01&to=2027-01-01&office=thue-co-so-7-tphcm', ready: '[data-testid="report-document"]' },
    ];
    const found: string[] = [];
    for (const lang of ['vi', 'en'] as Lang[]) {
      for (const token of [undefined, leader, officer, tax]) {
        const { context, page } = await newUser(browser, stack.url, token, lang);
        for (const screen of screens.filter((s) => s.token === token)) {
          await page.goto(screen.path);
          await settled(page, screen.ready);
          await screen.then?.(page);
          expect(await page.locator('html').getAttribute('lang'), `${screen.name} (${lang})`).toBe(lang);
          for (const problem of await axeProblems(page)) found.push(`${screen.who} ${screen.name} (${lang}): ${problem.id} [${problem.impact}] ${problem.help}: ${problem.targets.slice(0, 3).join(' ')}`);
        }
        await context.close();
      }
    }
    expect(found).toEqual([]);
  }, 400_000);

  it('can be used with the keyboard alone, focus always visible: sign in, the overview, a ward, the kiosk buttons', async () => {
    const { context, page } = await newUser(browser, stack.url);
    await page.goto('/');
    const hidden: string[] = [];
    /** Presses Tab until the focus is on what `wanted` accepts; every stop on the way must show the focus. */
    const tabTo = async (what: string, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f.visible && f.tag !== 'body') hidden.push(`${f.tag} "${f.text}"`);
        if (wanted(f)) return f;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await page.locator('input[name="role"]').first().waitFor();
    await tabTo('the role choice', (f) => f.tag === 'input' && f.value === 'LEADERSHIP');
    await page.keyboard.press('ArrowDown'); // Cán bộ phường
    expect((await focused(page)).value).toBe('WARD_OFFICER');
    await page.locator('select').waitFor();
    // The first ward in force today (units through time): Tân Thuận.
    await expect.poll(() => page.locator('select').inputValue()).toBe('tan-thuan-2025');
    await tabTo('the sign-in button', (f) => f.tag === 'button' && f.text === 'Đăng nhập');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Tổng quan đối thoại' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-ward="tan-thuan-2025"] a').waitFor({ timeout: 20_000 });
    await tabTo('the skip link', (f) => f.tag === 'a' && f.text === 'Chuyển đến nội dung');
    await tabTo('the link to Tân Thuận', (f) => f.tag === 'a' && f.href === '/ward/tan-thuan-2025');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Tân Thuận/, level: 1 }).waitFor({ timeout: 20_000 });

    await tabTo('the logging menu entry', (f) => f.tag === 'a' && f.href === '/logging');
    await page.keyboard.press('Enter');
    await page.locator(`[data-session-id="${kioskSession}"]`).waitFor({ timeout: 20_000 });
    await tabTo("the session's kiosk", (f) => f.tag === 'a' && f.href === `/kiosk/${kioskSession}`);
    await page.keyboard.press('Enter');
    await page.locator('button[data-category="RESIDENT"]:not([disabled])').waitFor({ timeout: 20_000 });
    const before = expectData<any>(await stack.graphql('query ($id: ID!) { session(id: $id) { attendance } }', { id: kioskSession }, admin)).session.attendance as number;
    await tabTo('the resident button', (f) => f.category === 'RESIDENT');
    await page.keyboard.press('Enter');
    await tabTo('the next category button', (f) => f.category !== '' && f.category !== 'RESIDENT');
    await page.keyboard.press('Space');
    await expect.poll(async () => expectData<any>(await stack.graphql('query ($id: ID!) { session(id: $id) { attendance } }', { id: kioskSession }, admin)).session.attendance, { timeout: 20_000 }).toBe(before + 2);
    await shoot(page, 'keyboard-kiosk-focus', false);
    expect(hidden, 'focused without a visible focus mark').toEqual([]);
    await context.close();
  }, 180_000);

  it('takes dates as dd/MM/yyyy and times as HH:mm in a browser whose own language is English', async () => {
    const english = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
    });
    try {
      const officer = await stack.token('WARD_OFFICER', 'phu-thuan-2025');
      const context = await english.newContext({ baseURL: stack.url, locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1440, height: 900 } });
      await context.addInitScript((token) => {
        if (sessionStorage.getItem('dp.e2e.seeded')) return;
        sessionStorage.setItem('dp.e2e.seeded', '1');
        localStorage.setItem('dp.token', token);
      }, officer);
      const page = await context.newPage();
      await page.goto('/logging');
      await page.getByRole('heading', { name: 'Lên lịch buổi đối thoại' }).waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');
      expect(await page.locator('input[type="date"], input[type="datetime-local"], input[type="time"]').count()).toBe(0);
      const date = page.getByTestId('schedule-date');
      const time = page.getByTestId('schedule-time');
      expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
      expect(await page.getByLabel('Ngày', { exact: true }).getAttribute('data-testid')).toBe('schedule-date');

      const title = `Đối thoại lên lịch ${Date.now()}`;
      await page.getByLabel('Tên buổi').fill(title);
      await date.fill('31/02/2027');
      await time.fill('9:30');
      await time.blur();
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.locator('.date-time').textContent()).toContain('Ngày này không có trong lịch.');
      await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
      const scheduled = async () => (await call('{ sessions(wardId: "phu-thuan-2025", first: 100) { edges { node { title scheduledAt } } } }', {})).sessions.edges.map((e: any) => e.node).filter((s: any) => s.title === title);
      expect(await scheduled()).toEqual([]);

      await date.fill('02/03/2027');
      expect(await date.getAttribute('aria-invalid')).toBeNull();
      await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
      await page.getByText(`Đã lên lịch: ${title}`).waitFor({ timeout: 20_000 });
      // 2 March 2027, 09:30 in Ho Chi Minh City, not 3 February, whatever the browser's locale and time zone.
      expect(await scheduled()).toEqual([{ title, scheduledAt: '2027-03-02T02:30:00.000Z' }]);
      await expect.poll(() => page.locator('.session-list li', { hasText: title }).textContent(), { timeout: 20_000 }).toContain('02/03/2027 09:30');
      await shoot(page, 'schedule-form-en-US-browser-vi');

      await useLanguage(page, 'en');
      await page.goto('/');
      await page.getByTestId('period-picker').locator('select').first().selectOption('custom');
      const from = page.getByLabel('From', { exact: true });
      expect(await from.inputValue()).toMatch(/^01\/01\/\d{4}$/);
      expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
      await from.fill('13/13/2026');
      await from.blur();
      await expect.poll(() => page.getByTestId('period-picker').textContent()).toContain('That date does not exist.');
      await context.close();
    } finally {
      await english.close();
    }
  }, 120_000);
});
