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

/** A business's question sent through the public gate (no token) to the demo's coming tax round: its look-up code, for the businesses' page. */
export async function publicTaxQuestionCode(stack: RunningStack): Promise<string> {
  const rounds = expectData<any>(await stack.graphql('{ publicTaxRounds { id status } }', {})).publicTaxRounds as { id: string; status: string }[];
  const round = rounds.find((r) => r.status === 'SCHEDULED');
  if (!round) throw new Error('the demo has no coming tax round');
  const sent = await stack.graphql('mutation ($input: SubmitTaxQuestionInput!) { submitTaxQuestion(input: $input) { lookupCode } }', {
    input: { sessionId: round.id, taxCode: '0312100000', topic: 'HOUSEHOLD_BUSINESS', text: 'Hộ kinh doanh chuyển từ thuế khoán sang kê khai cần sổ sách gì?', requestId: crypto.randomUUID() },
  });
  return expectData<any>(sent).submitTaxQuestion.lookupCode as string;
}
