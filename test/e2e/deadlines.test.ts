import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Actor } from '../../functions/domain/kernel/actor.js';
import { createDomain } from '../../functions/domain/index.js';
import { createStores } from '../../functions/store/index.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { dynamoEndpointOf } from '../support/realtime-clients.js';
import { ensureDashboardBuilt, launchChromium, newUser, screenshot } from './support/browser.js';

const ADMIN: Actor = { id: 'e2e-admin', role: 'ADMIN' };

// Deadlines in the dashboard: the real stack, concerns written through the domain with a clock set in
// the past (so one is overdue today), and Debian's Chromium.
describe('deadlines in the dashboard', () => {
  let stack: RunningStack;
  let browser: Browser;
  let late: { id: string; topic: string };
  let onTime: { id: string; topic: string };
  let escalated: { id: string };

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    const domain = createDomain(createStores({ tableName: LOCAL_TABLE_NAME, endpoint: dynamoEndpointOf(stack) }));
    const at = (instant: string) => domain.withClock(() => new Date(instant));
    const past = '2026-03-02T02:00:00.000Z';
    const session = await at('2026-03-01T02:00:00.000Z').sessions.scheduleSession(ADMIN, { kind: 'PUBLIC', title: 'Đối thoại tháng 3', wardId: 'tan-hung-2025', hostBody: 'UBND phường Tân Hưng', scheduledAt: past });
    await at(past).sessions.startSession(ADMIN, session.id);
    late = await at(past).concerns.raiseConcern(ADMIN, { sessionId: session.id, topic: 'Hẻm 12 ngập nước', text: 'Ngập khi mưa.', authority: 'WARD', requestId: 'e2e-late' });
    // A tax round in March whose concern went to the city on 9 March: 32 working days, due 22 April 2026
    // (Hùng Kings day 26 April is later), overdue today.
    const round = await at('2026-03-01T02:00:00.000Z').sessions.scheduleSession(ADMIN, { kind: 'BUSINESS_TAX', title: 'Đối thoại thuế tháng 3', hostBody: 'Chi cục Thuế Quận 7', scheduledAt: past });
    await at(past).sessions.startSession(ADMIN, round.id);
    const taxConcern = (escalated = await at(past).concerns.raiseConcern(ADMIN, { sessionId: round.id, topic: 'Hoàn thuế GTGT chậm', text: 'Hồ sơ chờ lâu.', authority: 'WARD', requestId: 'e2e-tax' }));
    await at('2026-03-09T02:00:00.000Z').concerns.moveConcern(ADMIN, { concernId: taxConcern.id, to: 'ESCALATED', authority: 'CITY' });
    const admin = await stack.token('ADMIN', undefined, 'e2e-admin');
    const today = expectData<any>(
      await stack.graphql('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input: { kind: 'PUBLIC', title: 'Đối thoại hôm nay', wardId: 'tan-hung-2025', hostBody: 'UBND phường Tân Hưng', scheduledAt: new Date().toISOString() } }, admin),
    ).scheduleSession;
    expectData(await stack.graphql('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: today.id }, admin));
    onTime = expectData<any>(
      await stack.graphql('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id topic } }', { input: { sessionId: today.id, topic: 'Đèn đường hỏng', text: 'Tối.', authority: 'WARD', requestId: 'e2e-on-time' } }, admin),
    ).raiseConcern;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('shows a leader which concerns are overdue, in words, on the board, a ward page, the tax escalation queue and the wallboard', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await page.goto('/concerns');
    const lateCard = page.locator(`[data-concern-id="${late.id}"]`);
    await expect.poll(() => lateCard.getByTestId('due-badge').textContent(), { timeout: 15_000 }).toMatch(/Quá hạn · hạn 16\/03\/2026/);
    expect(await lateCard.getByTestId('due-badge').getAttribute('data-overdue')).toBe('true');
    const freshBadge = page.locator(`[data-concern-id="${onTime.id}"]`).getByTestId('due-badge');
    expect(await freshBadge.textContent()).toMatch(/^Hạn \d{2}\/\d{2}\/\d{4}$/);
    await screenshot(page, 'concerns-overdue');

    await page.getByTestId('overdue-only').check();
    await expect.poll(() => page.locator('[data-concern-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-concern-id'))), { timeout: 10_000 }).toEqual([late.id, escalated.id]);

    await page.goto('/ward/tan-hung-2025');
    await expect.poll(() => page.getByTestId('due-badge').allTextContents(), { timeout: 10_000 }).toContain('⚠ Quá hạn · hạn 16/03/2026');

    await page.goto('/tax');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Hoàn thuế GTGT chậm' }).getByTestId('due-badge').textContent(), { timeout: 10_000 }).toBe('⚠ Quá hạn · hạn 22/04/2026');

    await page.goto('/wallboard');
    const tally = page.getByTestId('overdue-tally');
    // The tax round has no ward: it counts in the district's figure only.
    await expect.poll(() => tally.getAttribute('data-overdue'), { timeout: 10_000 }).toBe('2');
    expect(await tally.textContent()).toMatch(/Quá hạn: 2 kiến nghị.*Tân Hưng: 1/);
    await context.close();
  });

  it('lets an admin change a rule on /deadlines, in English too, and shows its source', async () => {
    const { context, page } = await newUser(browser, stack.url, await stack.token('ADMIN', undefined, 'e2e-admin'), 'en');
    await page.goto('/deadlines');
    await page.getByRole('heading', { name: 'Time allowed to answer concerns' }).waitFor();
    await expect.poll(() => page.locator('tr[data-rule="DISTRICT-ANY"]').textContent()).toMatch(/21.*Law on Complaints 2011/);
    const form = page.getByRole('form', { name: 'Change a rule' });
    await form.getByLabel('Working days').fill('7');
    await form.getByLabel('Source').fill('Local policy: a trial');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: version 1' }).waitFor();
    await expect.poll(() => page.locator('tr[data-rule="WARD-ANY"]').textContent()).toMatch(/7.*Local policy: a trial/);
    expect(await page.getByTestId('deadline-version').textContent()).toMatch(/Version 1 · changed .* by e2e-admin/);
    await context.close();

    const leader = await newUser(browser, stack.url, await stack.token('LEADERSHIP'));
    await leader.page.goto('/deadlines');
    await leader.page.getByRole('heading', { name: 'Thời hạn trả lời kiến nghị' }).waitFor();
    await expect.poll(() => leader.page.locator('tr[data-rule="WARD-ANY"]').textContent()).toMatch(/7/);
    expect(await leader.page.getByRole('button', { name: 'Lưu quy định' }).count()).toBe(0);
    await leader.context.close();
  });
});
