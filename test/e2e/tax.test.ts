import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser, screenshot } from './support/browser.js';

// The tax office in Chromium, on the real stack: a question raised in a live round with its topic
// first and a level accepted today, answered by letter, named by who answered, and counted on /tax.
describe('the tax office in the dashboard', () => {
  let stack: RunningStack;
  let browser: Browser;
  let tax: string;
  let round: { id: string };

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    tax = await stack.token('TAX_OFFICER', undefined, 'e2e-tax');
    const call = async (query: string, variables: Record<string, unknown>) => expectData<any>(await stack.graphql(query, variables, tax));
    round = (await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input: { kind: 'BUSINESS_TAX', title: 'Đối thoại thuế tháng 12', hostBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', scheduledAt: new Date().toISOString() } })).scheduleSession;
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: round.id });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('raises a VAT refund question (topic first, no district level), answers it by letter, and shows it on /tax for this year and the office', async () => {
    const { context, page } = await newUser(browser, stack.url, tax);
    await page.goto('/logging');
    const row = page.locator(`[data-session-id="${round.id}"]`);
    await row.getByRole('button', { name: 'Ghi kiến nghị' }).click();
    const level = row.getByLabel('Thẩm quyền');
    expect(await level.locator('option').allTextContents()).not.toContain('Cấp quận');
    expect(await level.inputValue()).toBe('WARD');
    await row.getByLabel('Lĩnh vực câu hỏi').selectOption('VAT_REFUND');
    expect(await row.getByLabel('Chủ đề', { exact: true }).inputValue()).toBe('Hoàn thuế GTGT');
    await row.getByLabel('Nội dung', { exact: true }).fill('Hồ sơ hoàn thuế GTGT hàng xuất khẩu nộp từ tháng 9 chưa được giải quyết.');
    await row.getByRole('button', { name: 'Lưu kiến nghị' }).click();
    const concerns = async () => expectData<any>(await stack.graphql('query ($id: ID!) { session(id: $id) { concerns { edges { node { id taxTopic } } } } }', { id: round.id }, tax)).session.concerns.edges;
    await expect.poll(async () => (await concerns()).length, { timeout: 10_000 }).toBe(1);
    const [{ node: concern }] = await concerns();
    expect(concern.taxTopic).toBe('VAT_REFUND');

    await page.goto(`/concerns/${concern.id}`);
    await expect.poll(() => page.getByTestId('responsible-body').textContent(), { timeout: 10_000 }).toContain('Thuế cơ sở 7 Thành phố Hồ Chí Minh');
    await page.getByLabel('Đã giải quyết').check();
    await page.getByLabel('Nội dung trả lời (bắt buộc)').fill('Đã giải quyết hồ sơ hoàn thuế; thông báo cho doanh nghiệp bằng văn bản.');
    await page.getByTestId('letter-number').fill('1234/TCS7-NVDTPC');
    await page.getByTestId('letter-date').fill('2026-12-05');
    await page.getByRole('button', { name: 'Cập nhật' }).click();
    await expect.poll(() => page.getByTestId('concern-response').textContent(), { timeout: 10_000 }).toContain('1234/TCS7-NVDTPC ngày 05/12/2026');
    expect(await page.getByTestId('concern-response').textContent()).toContain('Trả lời bằng văn bản');
    await screenshot(page, 'tax-concern-answered-by-letter');

    await page.goto('/tax');
    await page.getByLabel('Cơ quan thuế').selectOption('thue-co-so-7-tphcm');
    const vat = page.locator('[data-testid="tax-by-topic"] tr[data-topic="VAT_REFUND"] td');
    await expect.poll(async () => (await vat.allTextContents()).slice(1, 5), { timeout: 15_000 }).toEqual(['1', '0', '1', '0']);
    expect(await page.getByTestId('tax-rounds').textContent()).toBe('1');
    await screenshot(page, 'tax-view');
    await context.close();
  });
});
