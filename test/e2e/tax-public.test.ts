import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser } from './support/browser.js';
import { axeProblems, shoot, SIZES, textOverflows } from './support/page-checks.js';
import { settled } from './support/screens.js';

const see = (where: Locator, expected: string, timeout = 10_000) => expect.poll(async () => (await where.first().textContent({ timeout })) ?? '', { timeout }).toContain(expected);

// A business's question from the public page to its published answer, in Chromium on the real stack:
// sent in advance on a phone with no sign-in, triaged onto the agenda by the tax office, raised from
// the agenda in the live round, escalated to the city's office, answered by letter; then the business
// finds it by its look-up code and on the published answers page (never its name), rates the round
// from the rating link, and /tax counts it all.
describe("a business's question, from the public page to the published answer", () => {
  let stack: RunningStack;
  let browser: Browser;
  let tax: string;
  const call = async (query: string, variables: Record<string, unknown>) => expectData<any>(await stack.graphql(query, variables, tax));
  const NAME = 'Công ty TNHH Bao Bì Sông Sài Gòn';
  const TAX_CODE = `0318${String(Date.now() % 1e6).padStart(6, '0')}`;

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack({ demo: false }), launchChromium()]);
    tax = await stack.token('TAX_OFFICER', undefined, 'e2e-tax-public');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('is sent in advance, triaged, raised from the agenda, escalated, answered by letter, looked up, published, and the round rated', async () => {
    const business = (await call('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode: TAX_CODE, name: NAME, sector: 'MANUFACTURING', wardId: 'tan-hung-2025' } })).registerBusiness;
    const round = (
      await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
        input: { kind: 'BUSINESS_TAX', title: 'Đối thoại với doanh nghiệp quý IV', hostBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', place: 'Hội trường Thuế cơ sở 7', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() },
      })
    ).scheduleSession;

    // 1. The business, signed out, on a phone: the round's date and place, then its question.
    const businessContext = await browser.newContext({ baseURL: stack.url, viewport: SIZES.phone, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const phone = await businessContext.newPage();
    await phone.goto('/doanh-nghiep');
    await settled(phone, '#send');
    await see(phone.getByTestId('tax-round'), 'Hội trường Thuế cơ sở 7');
    await see(phone.getByTestId('tax-round'), 'Thuế cơ sở 7 Thành phố Hồ Chí Minh');
    await phone.getByLabel('Mã số thuế của doanh nghiệp (10 hoặc 13 số)').fill(TAX_CODE);
    await phone.getByLabel('Lĩnh vực').first().selectOption('VAT_REFUND');
    await phone.getByLabel('Câu hỏi, vướng mắc').fill('Hồ sơ hoàn thuế GTGT hàng xuất khẩu nộp tháng 9 đến nay chưa có kết quả.');
    await phone.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await expect.poll(async () => ((await phone.getByTestId('lookup-code').textContent({ timeout: 10_000 })) ?? '').trim(), { timeout: 10_000 }).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const code = ((await phone.getByTestId('lookup-code').textContent()) ?? '').trim();
    expect(await axeProblems(phone)).toEqual([]);
    expect(await textOverflows(phone)).toEqual([]);
    await shoot(phone, 'tax-public-question-sent');

    // 2. The tax office triages it onto the agenda, which is printed with the rating QR code.
    const officer = await newUser(browser, stack.url, tax, 'vi');
    await officer.page.goto('/tax/questions');
    const card = officer.page.getByTestId('tax-question-card');
    await see(card, 'Hồ sơ hoàn thuế GTGT hàng xuất khẩu');
    await see(card, NAME);
    await card.getByRole('button', { name: 'Đưa vào chương trình' }).click();
    await see(officer.page.locator('[data-testid="tax-agenda-topic"][data-topic="VAT_REFUND"]'), 'Hoàn thuế GTGT');
    await officer.page.getByRole('button', { name: 'Bản in, tải .docx' }).click();
    await see(officer.page.getByTestId('report-document'), 'CHƯƠNG TRÌNH');
    await see(officer.page.getByTestId('report-document'), 'THUẾ THÀNH PHỐ HỒ CHÍ MINH');
    await see(officer.page.getByTestId('document-qr'), `/doanh-nghiep?danh-gia=${round.id}`);
    const [download] = await Promise.all([officer.page.waitForEvent('download'), officer.page.getByRole('button', { name: 'Tải tệp Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^chuong-trinh-doi-thoai-thue-.*\.docx$/);
    expect(await axeProblems(officer.page)).toEqual([]);

    // 3. The round goes live; the business checks in; the question is raised straight from the agenda.
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: round.id });
    await call('mutation ($input: CheckInInput!) { checkIn(input: $input) { session { id } } }', { input: { sessionId: round.id, category: 'BUSINESS_REPRESENTATIVE', businessId: business.id, requestId: `e2e-${TAX_CODE}` } });
    await officer.page.reload();
    const item = officer.page.getByTestId('tax-agenda-item');
    await see(item, 'Hồ sơ hoàn thuế GTGT');
    await item.getByRole('button', { name: 'Nêu tại buổi đối thoại' }).click();
    await expect.poll(() => item.first().getAttribute('data-status'), { timeout: 10_000 }).toBe('RAISED');
    const concernId = (await call('query ($id: ID!) { session(id: $id) { taxAgenda { concern { id } } } }', { id: round.id })).session.taxAgenda[0].concern.id as string;
    await call('mutation ($id: ID!) { closeSession(id: $id) { id } }', { id: round.id });

    // 4. Escalated to the city's office, then answered by letter.
    await officer.page.goto(`/concerns/${concernId}`);
    await see(officer.page.getByTestId('responsible-body'), 'Thuế cơ sở 7 Thành phố Hồ Chí Minh');
    await officer.page.getByLabel('Chuyển Thành phố/Trung ương').check();
    await officer.page.getByLabel('Thẩm quyền').selectOption('CITY');
    await officer.page.getByRole('button', { name: 'Cập nhật' }).click();
    await see(officer.page.getByTestId('responsible-body'), 'Thuế Thành phố Hồ Chí Minh', 15_000);
    await officer.page.getByLabel('Đã trả lời sau khi chuyển').check();
    await officer.page.getByLabel('Nội dung trả lời (bắt buộc)').fill('Thuế Thành phố đã hoàn thuế GTGT cho hồ sơ xuất khẩu; doanh nghiệp nhận tiền trong 6 ngày làm việc.');
    await officer.page.getByTestId('letter-number').fill('5678/TPHCM-TTHT');
    await officer.page.getByTestId('letter-date').fill('2026-12-04');
    await officer.page.getByRole('button', { name: 'Cập nhật' }).click();
    await see(officer.page.getByTestId('concern-response'), '5678/TPHCM-TTHT ngày 04/12/2026', 15_000);
    // The business's page, from the concern: the round, its question and the answer by letter.
    await officer.page.getByRole('link', { name: NAME }).click();
    await see(officer.page.getByTestId('business-tax-code'), TAX_CODE);
    await see(officer.page.getByTestId('business-sessions'), 'Đối thoại với doanh nghiệp quý IV');
    await see(officer.page.getByTestId('business-questions'), 'Đã nêu tại đối thoại');
    await see(officer.page.getByTestId('business-concerns'), '5678/TPHCM-TTHT');
    await see(officer.page.getByTestId('business-concerns'), 'Thuế Thành phố đã hoàn thuế GTGT');
    expect(await axeProblems(officer.page)).toEqual([]);

    // 5. The business finds the answer by its code, and on the published answers without diacritics; never its name.
    await phone.goto(`/doanh-nghiep?ma=${code}`);
    await see(phone.getByTestId('lookup-status'), 'Đã nêu tại buổi đối thoại');
    await see(phone.getByTestId('lookup-answer'), 'đã hoàn thuế GTGT');
    await see(phone.getByTestId('lookup-form'), '5678/TPHCM-TTHT');
    await phone.getByLabel('Tìm trong câu trả lời (gõ có dấu hoặc không dấu)').fill('hoan thue xuat khau');
    await see(phone.locator('[data-testid="answer-group"][data-topic="VAT_REFUND"]'), 'Thuế Thành phố đã hoàn thuế GTGT');
    await phone.getByLabel('Tìm trong câu trả lời (gõ có dấu hoặc không dấu)').fill('hoa don dien tu');
    await expect.poll(() => phone.getByTestId('published-answer').count()).toBe(0);
    const body = (await phone.locator('body').textContent()) ?? '';
    expect(body).not.toContain(NAME);
    expect(body).not.toContain(TAX_CODE);
    expect(body).not.toContain('nộp tháng 9 đến nay');
    expect(await axeProblems(phone)).toEqual([]);
    expect(await textOverflows(phone)).toEqual([]);
    await shoot(phone, 'tax-public-answer-found');

    // 6. The rating, from the link printed as a QR code on the round's documents.
    await phone.goto(`/doanh-nghiep?danh-gia=${round.id}`);
    await settled(phone, '#rate');
    expect(await phone.locator('#rate-round').inputValue()).toBe(round.id);
    await phone.locator('#rate-tax-code').fill(TAX_CODE);
    await phone.getByLabel('5 · Rất hài lòng').check();
    await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await see(phone.getByTestId('rating-receipt'), '1 lượt đánh giá, điểm trung bình 5/5');
    expect(await axeProblems(phone)).toEqual([]);
    expect(await textOverflows(phone)).toEqual([]);
    await shoot(phone, 'tax-public-rated');
    await businessContext.close();

    // 7. /tax, this year and Thuế cơ sở 7: the question in advance, its topic answered in writing, the rating.
    await officer.page.goto('/tax');
    await officer.page.getByLabel('Cơ quan thuế').selectOption('thue-co-so-7-tphcm');
    await expect.poll(() => officer.page.getByTestId('tax-questions-in-advance').textContent(), { timeout: 15_000 }).toBe('1');
    const vat = officer.page.locator('[data-testid="tax-by-topic"] tr[data-topic="VAT_REFUND"] td');
    await expect.poll(async () => (await vat.allTextContents()).slice(1, 5), { timeout: 15_000 }).toEqual(['1', '0', '1', '0']);
    await see(officer.page.getByTestId('tax-satisfaction'), '5');
    for (const size of ['laptop', 'tv'] as const) {
      await officer.page.setViewportSize(SIZES[size]);
      expect(await textOverflows(officer.page)).toEqual([]);
    }
    expect(await axeProblems(officer.page)).toEqual([]);

    // 8. The office's own review report for the year: headed by the office under its superior, drafted, issued, downloaded.
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date(Date.now() + 3_600_000)));
    await officer.page.setViewportSize(SIZES.laptop);
    await officer.page.goto(`/reports?from=${year}-01-01&to=${year + 1}-01-01&office=thue-co-so-7-tphcm`);
    const report = officer.page.getByTestId('report-document');
    await see(report, 'THUẾ THÀNH PHỐ HỒ CHÍ MINH');
    await see(report, 'Hoàn thuế GTGT');
    await officer.page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await officer.page.getByLabel('Đánh giá chung').fill('Doanh nghiệp đánh giá cao việc trả lời bằng văn bản đúng hạn.');
    await officer.page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await see(report, 'Doanh nghiệp đánh giá cao việc trả lời bằng văn bản đúng hạn.');
    await officer.page.getByLabel('Số, ký hiệu').fill('15/BC-TCS7');
    await officer.page.getByRole('button', { name: 'Ban hành báo cáo' }).click();
    await see(report, 'Số: 15/BC-TCS7', 15_000);
    await see(report, 'TRƯỞNG THUẾ CƠ SỞ');
    const [word] = await Promise.all([officer.page.waitForEvent('download'), officer.page.getByRole('button', { name: 'Tải tệp Word (.docx)' }).click()]);
    expect(word.suggestedFilename()).toMatch(/^bao-cao-doi-thoai-doanh-nghiep-15-BC-TCS7-.*\.docx$/);
    const issued = (await call('query ($o: ID) { reviewReports(taxOfficeId: $o) { edges { node { status number taxDialogue { questionsInAdvance satisfaction { responses } } } } } }', { o: 'thue-co-so-7-tphcm' })).reviewReports.edges.map((e: any) => e.node);
    expect(issued).toEqual([{ status: 'ISSUED', number: '15/BC-TCS7', taxDialogue: { questionsInAdvance: 1, satisfaction: { responses: 1 } } }]);
    await shoot(officer.page, 'tax-office-report-issued');
    expect(await axeProblems(officer.page)).toEqual([]);
    await officer.context.close();
  }, 300_000);
});
