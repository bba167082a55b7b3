import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain } from '../../functions/domain/index.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { dynamoEndpointOf } from '../support/realtime-clients.js';
import { ensureDashboardBuilt, launchChromium, newUser, screenshot } from './support/browser.js';

const ADMIN: Actor = { id: 'e2e-admin', role: 'ADMIN' };

// Units through time in the dashboard: the real stack, sessions and concerns of 2025 written through the
// domain with a clock set before 1/7/2025, the reorganisation applied, and Debian's Chromium.
describe('units through time in the dashboard', () => {
  let stack: RunningStack;
  let browser: Browser;
  let phuMyConcern: string;

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    const domain = createDomain(createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) }));
    const at = (instant: string) => domain.withClock(() => new Date(instant));
    const held = async (wardId: string, when: string, count: number) => {
      const s = await at(when).sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: `Đối thoại ${wardId}`, wardId, hostBody: 'Đảng ủy - UBND phường', scheduledAt: when });
      await at(when).sessions.startSession(ADMIN, s.id);
      await at(when).sessions.checkIn(ADMIN, { sessionId: s.id, category: 'RESIDENT', count, requestId: `e2e-${wardId}` });
      return s;
    };
    await held('tan-hung', '2025-04-05T01:00:00.000Z', 31);
    await held('tan-quy', '2025-04-12T01:00:00.000Z', 17);
    await held('tan-hung-2025', '2025-10-04T01:00:00.000Z', 44);
    const phuMy = await held('phu-my', '2025-05-03T01:00:00.000Z', 23);
    phuMyConcern = (await at('2025-05-03T02:00:00.000Z').concerns.raiseConcern(ADMIN, { sessionId: phuMy.id, topic: 'Lấn chiếm vỉa hè đường Nguyễn Văn Linh', text: 'Đề nghị xử lý.', authority: 'WARD', requestId: 'e2e-phu-my' })).id;
    await at('2025-07-01T02:00:00.000Z').handovers.applyReorganisation(ADMIN, '2025-07-01-hcmc', false);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('shows the lineage of 1/7/2025 as a flow diagram with its legal basis, and the former wards with their successors', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.goto('/units');
    await expect.poll(() => page.getByTestId('lineage-diagram').locator('svg path').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(11);
    await expect.poll(() => page.getByTestId('legal-basis').first().textContent()).toBe('Nghị quyết 1685/NQ-UBTVQH15');
    // By unit of today: each former unit with its district, whole or part, and the clause it relies on.
    const binhThuan = page.locator('li[data-unit="tan-thuan-2025"] li[data-predecessor="binh-thuan"]');
    await expect.poll(() => binhThuan.textContent()).toBe('← Bình Thuận (Quận 7) (27478) · toàn bộ · khoản 18 Điều 1 Nghị quyết 1685/NQ-UBTVQH15');
    // Found by name without diacritics, or by code: the two units formed in part from Phú Mỹ.
    await page.getByTestId('units-search').fill('phu my');
    await expect.poll(() => page.getByTestId('units-by-new').locator(':scope > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))).toEqual(['phu-thuan-2025', 'tan-my-2025']);
    await page.getByTestId('units-search').fill('27493');
    await expect.poll(() => page.getByTestId('units-by-new').locator(':scope > li').count()).toBe(2);
    // By former district: Phú Mỹ under Quận 7, with what it became.
    await page.getByTestId('units-by-district').check();
    const phuMy = page.locator('li[data-unit="phu-my"]');
    await expect.poll(() => phuMy.textContent()).toMatch(/Phú Mỹ \(27493\) \(đến 30\/6\/2025\) → Phú Thuận \(một phần\) · khoản 19 Điều 1, Tân Mỹ \(một phần\) · khoản 20 Điều 1/);
    await expect.poll(() => page.locator('details[data-district="778"] summary').textContent()).toBe('Quận 7 (1)');
    await screenshot(page, 'units-lineage');
    await context.close();
  });

  it("shows a ward's own figures, then with its predecessors: whole ones summed, the divided one beside", async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.goto('/ward/tan-hung-2025');
    const own = page.getByTestId('lineage-own');
    await expect.poll(() => own.locator('td').nth(1).textContent(), { timeout: 20_000 }).toBe('44');
    await expect.poll(() => page.getByTestId('lineage-combined').count()).toBe(0);
    await page.getByTestId('with-predecessors').check();
    await expect.poll(() => page.getByTestId('lineage-combined').locator('td').nth(1).textContent()).toBe(String(44 + 31 + 17));
    await page.goto('/ward/tan-my-2025');
    await expect.poll(() => page.getByTestId('ward-predecessors').locator('li').allTextContents(), { timeout: 20_000 }).toEqual([
      'Tân Phú (Quận 7, 27487) · toàn bộ · khoản 20 Điều 1 Nghị quyết 1685/NQ-UBTVQH15',
      'Phú Mỹ (Quận 7, 27493) · một phần · khoản 20 Điều 1 Nghị quyết 1685/NQ-UBTVQH15',
    ]);
    await page.getByTestId('with-predecessors').check();
    const divided = page.getByTestId('lineage-phu-my');
    await expect.poll(() => divided.textContent(), { timeout: 20_000 }).toMatch(/không cộng/);
    await expect.poll(() => divided.locator('td').nth(1).textContent()).toBe('23');
    // Tân Mỹ's combined row holds Tân Mỹ and Tân Phú only: Phú Mỹ is never added.
    await expect.poll(() => page.getByTestId('lineage-combined').locator('td').nth(1).textContent()).toBe('0');
    await screenshot(page, 'ward-with-predecessors');
    await context.close();
  });

  it('lists the Phú Mỹ concern on the hand-over screen until a leader picks its successor', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.goto('/handover');
    const item = page.locator(`li[data-concern="${phuMyConcern}"]`);
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => item.locator('option').allTextContents()).toEqual(['Phú Thuận', 'Tân Mỹ']);
    await item.locator('select').selectOption('tan-my-2025');
    await item.getByRole('button').click();
    await expect.poll(() => page.getByTestId('handover-done').count(), { timeout: 20_000 }).toBe(1);
    const answer = await stack.graphql(`{ concern(id: "${phuMyConcern}") { handledBy { id } awaitingSuccessor } }`, {}, await stack.token('LEADERSHIP'));
    expect(answer.body.data.concern).toEqual({ handledBy: { id: 'tan-my-2025' }, awaitingSuccessor: false });
    await context.close();
  });
});
