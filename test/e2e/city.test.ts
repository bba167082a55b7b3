import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain } from '../../functions/domain/index.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { fastDataDir } from '../integration/domain-support.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { dynamoEndpointOf } from '../support/realtime-clients.js';
import { ensureDashboardBuilt, launchChromium, newUser, screenshot } from './support/browser.js';
import { SIZES, textOverflows } from './support/page-checks.js';

const ADMIN: Actor = { id: 'e2e-admin', role: 'ADMIN' };

// The city view: Ho Chi Minh City as the jurisdiction (JURISDICTION=79, the national reference: 168
// units in force, 442 former), 20 dialogues LIVE in 20 units, the wallboard on a 1920×1080 screen and the overview.
describe('the city view: the real city\'s 168 units, 20 live', () => {
  let stack: RunningStack;
  let browser: Browser;
  let liveUnits: string[];

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([
      startStack({ dataDir: fastDataDir(), env: { JURISDICTION: '79', DEMO: '0' } }),
      launchChromium(),
    ]);
    const domain = createDomain(createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) }));
    const units = (await domain.wards.listWards()).filter((w) => !w.validTo);
    expect(units).toHaveLength(168);
    // Every 8th unit holds a live dialogue: wards and communes both, never the first ones only.
    liveUnits = units.filter((_, i) => i % 8 === 3).slice(0, 20).map((u) => u.id);
    const now = new Date();
    await Promise.all(
      liveUnits.map(async (wardId, i) => {
        const s = await domain.sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: `Đối thoại ${i + 1}`, wardId, hostBody: 'UBND', scheduledAt: new Date(now.getTime() - 3_600_000).toISOString() });
        await domain.sessions.startSession(ADMIN, s.id);
        await domain.sessions.checkIn(ADMIN, { sessionId: s.id, category: 'RESIDENT', count: 10 + i, requestId: `city-${i}` });
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('fits every unit on a 1920×1080 wallboard, the 20 live ones first, with nothing to scroll and no text cut', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.setViewportSize(SIZES.tv);
    const started = Date.now();
    await page.goto('/wallboard');
    const tiles = page.getByTestId('unit-grid').locator('li[data-unit]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-grid"] li[data-unit]').length === 168 && document.querySelectorAll('li[data-live="true"]').length === 20, undefined, { timeout: 60_000 });
    const firstScreenMs = Date.now() - started;
    const order = await tiles.evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-unit'), live: el.getAttribute('data-live') === 'true', generated: el.getAttribute('data-generated') === 'true' })));
    expect(order.slice(0, 20).every((t) => t.live)).toBe(true);
    expect(new Set(order.slice(0, 20).map((t) => t.id))).toEqual(new Set(liveUnits));
    expect(order.some((t) => t.generated)).toBe(false); // the real list: nothing marked as made up
    const live = page.locator('li[data-live="true"] [data-testid="unit-attendance"]');
    expect((await live.allTextContents()).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i));
    const size = await page.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight }));
    expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
    expect(await textOverflows(page)).toEqual([]);
    await screenshot(page, 'city-wallboard-tv');
    console.log(`city wallboard: first screen with 168 tiles in ${firstScreenMs} ms`);
    await context.close();
  }, 120_000);

  it('lets the overview find a unit by name without diacritics, live units first', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.goto('/');
    const tiles = page.getByTestId('unit-grid').locator('li[data-unit]');
    // NOTE: an all-time summary of the real city reads 611 units' counters (168 + 442 former + no unit):
    // seconds on DynamoDB Local. The city reads issue (jurisdiction roll-ups) is what makes it fast.
    await expect.poll(() => tiles.count(), { timeout: 60_000 }).toBe(168);
    expect(await tiles.first().getAttribute('data-live')).toBe('true');
    // Every word, in any order, without diacritics: "my phu" finds the ward Phú Mỹ in force (26704, once
    // Bà Rịa - Vũng Tàu's), not the former Phú Mỹ of Quận 7, which the wallboard of today does not show.
    await page.getByTestId('unit-search').fill('my phu');
    await expect.poll(() => tiles.allTextContents()).toEqual(['Phú Mỹ0']);
    await tiles.first().getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/ward\/phu-my-26704$/);
    await context.close();
  }, 120_000);

  it('shows the city\'s change on /units without drawing 610 boxes: by unit of today or by former district, searchable', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.goto('/units');
    await expect.poll(() => page.getByTestId('diagram-too-large').textContent(), { timeout: 30_000 }).toMatch(/^610 đơn vị thay đổi/);
    expect(await page.getByTestId('lineage-diagram').count()).toBe(0);
    await expect.poll(() => page.getByTestId('units-by-new').locator(':scope > li').count()).toBe(168);
    // Bến Nghé (Quận 1) went whole into Sài Gòn, with parts of Đa Kao and Nguyễn Thái Bình: clause 1.
    await page.getByTestId('units-search').fill('ben nghe');
    const saiGon = page.getByTestId('units-by-new').locator(':scope > li');
    await expect.poll(() => saiGon.count()).toBe(1);
    expect(await saiGon.locator('li[data-predecessor]').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^← Bến Nghé \(Quận 1\) \(\d{5}\) · toàn bộ · khoản 1 Điều 1 Nghị quyết 1685\/NQ-UBTVQH15$/)]));
    // By former district: 37 districts and Côn Đảo's former province, each former unit once.
    await page.getByTestId('units-search').fill('');
    await page.getByTestId('units-by-district').check();
    await expect.poll(() => page.getByTestId('units-by-district-list').locator('details').count()).toBe(38);
    expect(await page.getByTestId('units-by-district-list').locator('li[data-unit]').count()).toBe(442);
    await screenshot(page, 'city-units');
    await context.close();
  }, 120_000);
});
