import type { Page } from 'playwright-core';
import { expectData, type RunningStack } from '../../support/local-stack.js';

export type Lang = 'vi' | 'en';

/** The screen's language for the next load (what the language switch stores). */
export async function useLanguage(page: Page, lang: Lang) {
  await page.evaluate((l) => localStorage.setItem('dp.language', l), lang);
}

/** Waits until a screen has drawn its data: its heading, nothing busy, the fonts loaded. */
export async function settled(page: Page, ready = 'h1') {
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** A live session at a ward with a long name and a long title, for the screens to show. */
export async function liveSessionWithLongNames(stack: RunningStack, admin: string) {
  const call = async (query: string, variables: Record<string, unknown>) => expectData<any>(await stack.graphql(query, variables, admin));
  const { scheduleSession } = await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
    input: { kind: 'PUBLIC', title: 'Đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với nhân dân phường Tân Thuận Đông năm 2026', wardId: 'tan-thuan-2025', hostBody: 'Đảng ủy - UBND phường Tân Thuận Đông', scheduledAt: new Date().toISOString() },
  });
  await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: scheduleSession.id });
  await call('mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance } }', { input: { sessionId: scheduleSession.id, category: 'WOMENS_UNION_MEMBER', count: 27, requestId: crypto.randomUUID() } });
  return scheduleSession.id as string;
}

/** A resident's opinion sent through the public gate (no token): its look-up code, for the public page's screens. */
export async function publicOpinionCode(stack: RunningStack): Promise<string> {
  const sent = await stack.graphql('mutation ($input: SubmitResidentInputInput!) { submitResidentInput(input: $input) { lookupCode } }', {
    input: { wardId: 'tan-hung-2025', neighbourhoodId: 'tan-hung-2025-kp3', channel: 'PUBLIC_FORM', topic: 'Đèn chiếu sáng hẻm 12 đường Nguyễn Thị Thập không hoạt động', text: 'Đèn hỏng hai tuần.', requestId: crypto.randomUUID() },
  });
  return expectData<any>(sent).submitResidentInput.lookupCode as string;
}

/**
 * A coming tax round with a long title, a registered business and its question sent through the public
 * gate (no token), put on the agenda: the question's look-up code (for the businesses' page) and the
 * business's tax code (for its record), and a round for the tax office's board.
 */
export async function publicTaxQuestion(stack: RunningStack, admin: string): Promise<{ code: string; taxCode: string }> {
  const call = async (query: string, variables: Record<string, unknown>, token?: string) => expectData<any>(await stack.graphql(query, variables, token));
  const taxCode = `0321${String(Date.now() % 1e6).padStart(6, '0')}`;
  await call('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode, name: 'Công ty TNHH Thương mại Dịch vụ Xuất nhập khẩu Nam Sài Gòn', sector: 'TRADE', wardId: 'tan-hung-2025' } }, admin);
  const { scheduleSession } = await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
    input: { kind: 'BUSINESS_TAX', title: 'Đối thoại với hộ kinh doanh và doanh nghiệp về chuyển đổi từ thuế khoán sang kê khai năm 2026', hostBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', place: 'Hội trường Thuế cơ sở 7, đường Nguyễn Thị Thập', scheduledAt: new Date(Date.now() + 10 * 86_400_000).toISOString() },
  }, admin);
  const { submitTaxQuestion } = await call('mutation ($input: SubmitTaxQuestionInput!) { submitTaxQuestion(input: $input) { id lookupCode } }', {
    input: { sessionId: scheduleSession.id, taxCode, topic: 'HOUSEHOLD_BUSINESS', text: 'Hộ kinh doanh chuyển từ thuế khoán sang kê khai cần sổ sách, hóa đơn gì?', requestId: crypto.randomUUID() },
  });
  await call('mutation ($input: TriageTaxQuestionInput!) { triageTaxQuestion(input: $input) { id } }', { input: { id: submitTaxQuestion.id, to: 'SELECTED' } }, admin);
  return { code: submitTaxQuestion.lookupCode as string, taxCode };
}
