import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser } from './support/browser.js';
import { axeProblems, shoot } from './support/page-checks.js';
import { settled } from './support/screens.js';

/** Waits until the (first) element's text contains `expected`. */
const see = (where: Locator, expected: string, timeout = 10_000) => expect.poll(async () => (await where.first().textContent({ timeout })) ?? '', { timeout }).toContain(expected);
/** Waits until the element's whole text is `expected` (or matches it). */
const seeExactly = (where: Locator, expected: string | RegExp, timeout = 10_000) => {
  const text = expect.poll(async () => ((await where.first().textContent({ timeout })) ?? '').trim(), { timeout });
  return typeof expected === 'string' ? text.toBe(expected) : text.toMatch(expected);
};

// Residents' voice end to end, in Chromium, on the real stack: a neighbourhood's minutes typed in by
// the ward's officer, triage (a duplicate merged, the item selected), the dialogue's agenda, a concern
// raised from it during the live dialogue and answered, then the resident's look-up on the public page.
describe("residents' voice in the browser", () => {
  let stack: RunningStack;
  let browser: Browser;
  let admin: string;
  const WARD = 'tan-hung-2025';
  const call = async (query: string, variables: Record<string, unknown>, token = admin) => expectData<any>(await stack.graphql(query, variables, token));

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack({ demo: false }), launchChromium()]);
    admin = await stack.token('ADMIN', undefined, 'e2e-voice-admin');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('takes a meeting’s minutes to an agenda, raises and answers one item, and the resident finds the answer by code', async () => {
    const session = (
      await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
        input: { kind: 'PUBLIC', title: 'Đối thoại khu phố 3 Tân Hưng', wardId: WARD, hostBody: 'UBND phường Tân Hưng', place: 'Nhà văn hóa khu phố 3', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
      })
    ).scheduleSession.id as string;
    const officerToken = await stack.token('WARD_OFFICER', WARD, 'e2e-voice-officer');
    const { context, page } = await newUser(browser, stack.url, officerToken, 'vi');
    await page.goto('/voice');
    await settled(page, '#minutes-title');

    // The minutes, keyboard first: topic, text, supporters, Enter; then the next item.
    const form = page.locator('.minutes-form');
    await form.locator('select').nth(1).selectOption(`${WARD}-kp3`); // the neighbourhood (after the channel)
    await form.getByLabel('Vấn đề').fill('Ngập nước đường Nguyễn Thị Thập');
    await form.getByLabel('Nội dung').fill('Mưa lớn là ngập sâu, đề nghị nâng cấp cống.');
    await form.getByLabel('Số người nêu').fill('23');
    await form.getByLabel('Số người nêu').press('Enter');
    await expect.poll(() => page.locator('[data-testid="input-card"]').count(), { timeout: 15_000 }).toBe(1);
    // The focus is back on the topic; a near-duplicate typed without diacritics is recognised.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent)).toContain('Vấn đề');
    await page.keyboard.type('ngap nuoc duong Nguyen Thi Thap');
    await see(page.locator('.similar'), 'Ngập nước đường Nguyễn Thị Thập', 5_000);
    await form.getByLabel('Nội dung').fill('Đoạn gần chợ ngập mỗi khi triều cường.');
    await form.getByLabel('Số người nêu').fill('8');
    await form.getByLabel('Số người nêu').press('Enter');
    await expect.poll(() => page.locator('[data-testid="input-card"]').count(), { timeout: 15_000 }).toBe(2);
    await seeExactly(page.getByTestId('minutes-pending'), 'Đã gửi hết.');

    // Triage: the duplicate merged into the first (its supporters added), the first selected for the dialogue.
    const duplicate = page.locator('[data-testid="input-card"]', { hasText: 'Đoạn gần chợ' });
    await duplicate.getByRole('button', { name: 'Gộp' }).click();
    await duplicate.getByLabel('Gộp vào ý kiến').selectOption({ label: 'Ngập nước đường Nguyễn Thị Thập (23 người nêu)' });
    await duplicate.getByRole('button', { name: 'Gộp và cộng số người nêu' }).click();
    const original = page.locator('.voice-column[data-status="RECEIVED"] [data-testid="input-card"]');
    await see(original, '31 người nêu', 10_000);
    await original.getByRole('button', { name: 'Chọn cho buổi đối thoại' }).click();
    await original.getByLabel('Buổi đối thoại').selectOption(session);
    await original.getByRole('button', { name: 'Chọn', exact: true }).click();
    const agenda = page.locator(`[data-testid="agenda"][data-session-id="${session}"]`);
    await see(agenda.getByTestId('agenda-item'), 'Ngập nước đường Nguyễn Thị Thập', 10_000);
    await see(agenda.getByTestId('agenda-item'), '31 người nêu');
    const code = (await page.locator('.voice-column[data-status="SELECTED"] [data-testid="input-card"] code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The agenda in the review reports' layout, downloadable as .docx.
    await agenda.getByRole('button', { name: 'Bản in, tải .docx' }).click();
    await see(page.getByTestId('report-document'), 'CHƯƠNG TRÌNH');
    await see(page.getByTestId('report-document'), 'Ngập nước đường Nguyễn Thị Thập');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Tải tệp Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^chuong-trinh-doi-thoai-.*\.docx$/);

    // The dialogue goes live; the officer raises the item straight from the agenda.
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: session });
    await page.reload();
    await settled(page, '#agenda-title');
    await agenda.getByRole('button', { name: 'Nêu tại buổi đối thoại' }).click();
    await see(agenda.getByTestId('agenda-item'), 'Đã nêu tại đối thoại', 10_000);
    await shoot(page, 'voice-officer');
    // The wallboard shows the item being discussed now, live.
    const leader = await newUser(browser, stack.url, await stack.token('LEADERSHIP'), 'vi');
    await leader.page.goto('/wallboard');
    await seeExactly(leader.page.getByTestId('agenda-now'), 'Đang trao đổi: Ngập nước đường Nguyễn Thị Thập', 15_000);
    const concernId = (await call('query ($id: ID!) { session(id: $id) { agenda { status concern { id } } } }', { id: session })).session.agenda[0].concern.id as string;
    await call('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { status } }', { input: { concernId, to: 'ANSWERED_ON_SPOT', response: 'Phường sẽ nâng cấp cống trong quý I.' } }, officerToken);
    // Answered: nothing left on this agenda, and the wallboard says so without a reload.
    await expect.poll(() => leader.page.getByTestId('agenda-now').count(), { timeout: 15_000 }).toBe(0);
    await leader.context.close();
    await context.close();

    // The resident, signed out, on a phone: the coming dialogue's agenda, then the look-up by code.
    const resident = await browser.newContext({ baseURL: stack.url, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const phone = await resident.newPage();
    await phone.goto(`/y-kien?phuong=${WARD}`);
    await settled(phone, '#lookup');
    await see(phone.getByTestId('public-dialogue').first(), 'Nhà văn hóa khu phố 3');
    await phone.getByLabel(/Mã tra cứu/).fill(code.toLowerCase().replace('-', ' '));
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await seeExactly(phone.getByTestId('lookup-status'), 'Đã nêu tại buổi đối thoại', 10_000);
    await see(phone.getByTestId('lookup-answer'), 'Phường sẽ nâng cấp cống trong quý I.');
    // Nothing of anyone else: the duplicate's words are on no public screen.
    expect(await phone.locator('body').textContent()).not.toContain('Đoạn gần chợ');
    await shoot(phone, 'voice-public-lookup');
    expect(await axeProblems(phone)).toEqual([]);

    // Sending an opinion returns a new look-up code.
    await phone.getByLabel('Vấn đề (ngắn gọn)').fill('Thiếu sân chơi cho trẻ em');
    await phone.getByLabel('Nội dung ý kiến').fill('Khu phố 3 chưa có sân chơi.');
    await phone.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await seeExactly(phone.getByTestId('lookup-code'), /^[0-9A-Z]{4}-[0-9A-Z]{4}$/, 10_000);
    expect(await axeProblems(phone)).toEqual([]);
    await resident.close();
  }, 180_000);
});
