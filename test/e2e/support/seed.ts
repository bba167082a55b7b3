import { expectData, type RunningStack } from '../../support/local-stack.js';

/** A little activity through the API, so every screen has something to show (the demo dataset takes long to load on a busy machine). */
export async function seedActivity(stack: RunningStack, admin: string) {
  const call = async (query: string, variables: Record<string, unknown>) => expectData<any>(await stack.graphql(query, variables, admin));
  const schedule = async (kind: string, title: string, wardId: string | null, hostBody: string, scheduledAt: string) =>
    (await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input: { kind, title, wardId, hostBody, scheduledAt } })).scheduleSession.id as string;
  const start = (id: string) => call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id });
  const close = (id: string) => call('mutation ($id: ID!) { closeSession(id: $id) { id } }', { id });
  const checkIn = (sessionId: string, category: string, count: number, businessId?: string) =>
    call('mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance } }', { input: { sessionId, category, count, businessId, requestId: crypto.randomUUID() } });

  const binhThuan = await schedule('PUBLIC', 'Đối thoại trực tiếp với nhân dân phường Tân Thuận', 'tan-thuan-2025', 'Đảng ủy - UBND phường Tân Thuận', '2026-03-14T01:00:00.000Z');
  await start(binhThuan);
  await checkIn(binhThuan, 'RESIDENT', 52);
  await checkIn(binhThuan, 'PARTY_MEMBER', 9);
  const concern = await call(
    'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }',
    { input: { sessionId: binhThuan, topic: 'Ngập nước đường Huỳnh Tấn Phát', text: 'Mưa lớn gây ngập khu phố 2, đề nghị nạo vét cống.', authority: 'WARD', requestId: crypto.randomUUID() } },
  );
  await call('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { id } }', { input: { concernId: concern.raiseConcern.id, to: 'IN_PROGRESS', note: 'Giao Phòng Quản lý đô thị' } });
  await close(binhThuan);

  const youth = await schedule('THEMATIC', 'Đối thoại với đoàn viên ưu tú', null, 'Thường trực Quận ủy - Quận Đoàn 7', '2026-05-19T01:00:00.000Z');
  await start(youth);
  await checkIn(youth, 'YOUTH_UNION_MEMBER', 132);
  await checkIn(youth, 'PARTY_MEMBER', 41);
  await close(youth);

  const round = await schedule('BUSINESS_TAX', 'Đối thoại chính sách thuế với doanh nghiệp', null, 'Chi cục Thuế Quận 7', '2026-06-10T01:00:00.000Z');
  await start(round);
  const business = await call('mutation ($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }', { input: { taxCode: '0301234567', name: 'Công ty TNHH Vận tải Tân Thuận', sector: 'TRANSPORT', wardId: 'tan-thuan-2025' } });
  await checkIn(round, 'BUSINESS_REPRESENTATIVE', 1, business.registerBusiness.id);
  const taxConcern = await call(
    'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }',
    { input: { sessionId: round, businessId: business.registerBusiness.id, topic: 'Hoàn thuế giá trị gia tăng', text: 'Thủ tục hoàn thuế kéo dài.', authority: 'CITY', requestId: crypto.randomUUID() } },
  );
  await call('mutation ($input: MoveConcernInput!) { moveConcern(input: $input) { id } }', { input: { concernId: taxConcern.raiseConcern.id, to: 'ESCALATED', note: 'Trình Cục Thuế Thành phố' } });
  await close(round);
}
