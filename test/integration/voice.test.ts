import { request } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.js';
import { dynamoEndpointOf } from '../support/realtime-clients.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { actorsOf, domainClient, fastDataDir, rid, type Actors } from './domain-support.js';

// Residents' voice on the real stack (../shared/contract/README.md, "Residents' voice"): who may do what, the public
// gate and its per-client limits, repeats, merges, agendas and the answer a resident looks up.
const WARD = 'tan-hung-2025';
const OTHER = 'tan-my-2025';
const INPUT_FIELDS = 'id status supporters topic channel lookupCode hasContact contact note ward { id } neighbourhood { id } session { id } concern { id status response } mergedInto { id }';
const SUBMIT = `mutation ($input: SubmitResidentInputInput!) { submitResidentInput(input: $input) { ${INPUT_FIELDS} } }`;
const PUBLIC_SUBMIT = 'mutation ($input: SubmitResidentInputInput!) { submitResidentInput(input: $input) { id lookupCode status topic } }';
const TRIAGE = `mutation ($input: TriageResidentInputInput!) { triageResidentInput(input: $input) { ${INPUT_FIELDS} } }`;
const RAISE = 'mutation ($inputId: ID!, $authority: Authority!, $requestId: String!) { raiseFromInput(inputId: $inputId, authority: $authority, requestId: $requestId) { id status topic text session { id } } }';
const STATS = 'query ($id: ID!) { ward(id: $id) { inputStats { received supporters selected declined raised answered medianDaysToAnswer } } }';

/** A POST from a given loopback address: each address is another client to the gateway (127.0.0.0/8 is all loopback on Linux). */
function postFrom(localAddress: string, url: string, body: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(`${url}/graphql`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe("residents' voice", () => {
  let stack: RunningStack;
  let who: Actors;
  let api: ReturnType<typeof domainClient>;
  let officer: string;
  let otherOfficer: string;
  let url: string;
  beforeAll(async () => {
    stack = await startStack({ dataDir: fastDataDir() });
    who = await actorsOf(stack);
    api = domainClient(stack);
    officer = await who.ward(WARD);
    otherOfficer = await who.ward(OTHER);
    url = stack.url.replace('localhost', '127.0.0.1');
  });
  afterAll(async () => {
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  const submit = async (token: string, input: Record<string, unknown>) =>
    (await api.ok<any>(SUBMIT, { input: { wardId: WARD, channel: 'NEIGHBOURHOOD_MEETING', topic: 'Vỉa hè bị lấn chiếm', text: 'Quán ăn lấn chiếm vỉa hè đường Nguyễn Thị Thập.', requestId: rid(), ...input } }, token)).submitResidentInput;
  const stats = async () => (await api.ok<any>(STATS, { id: WARD }, who.admin)).ward.inputStats;

  describe('who may do what', () => {
    it("lets a ward officer enter its own ward's meeting minutes, with the neighbourhood and supporters", async () => {
      const input = await submit(officer, { neighbourhoodId: `${WARD}-kp2`, supporters: 14 });
      expect(input).toMatchObject({ status: 'RECEIVED', supporters: 14, channel: 'NEIGHBOURHOOD_MEETING', ward: { id: WARD }, neighbourhood: { id: `${WARD}-kp2` }, hasContact: false, contact: null });
      expect(input.lookupCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    });

    it('refuses another ward, the read-only roles and the public channel to an officer (FORBIDDEN), and writes nothing', async () => {
      const before = await stats();
      const input = { wardId: WARD, channel: 'OFFICE', topic: 'Rác', text: 'Rác thải tồn đọng.', requestId: rid() };
      for (const token of [otherOfficer, who.leadership, who.tax]) expect((await api.refused(SUBMIT, { input }, token)).code).toBe('FORBIDDEN');
      expect((await api.refused(SUBMIT, { input: { ...input, channel: 'PUBLIC_FORM' } }, officer)).code).toBe('FORBIDDEN');
      expect(await stats()).toEqual(before);
    });

    it('lets the public form in without a token (PUBLIC_FORM only), and nothing else', async () => {
      const sent = await stack.graphql(PUBLIC_SUBMIT, { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: 'Chiếu sáng', text: 'Hẻm 45 không có đèn.', requestId: rid() } });
      expect(sent.body.data.submitResidentInput).toMatchObject({ status: 'RECEIVED', topic: 'Chiếu sáng' });
      const other = await stack.graphql(PUBLIC_SUBMIT, { input: { wardId: WARD, channel: 'OFFICE', topic: 'x', text: 'y', requestId: rid() } });
      expect(other.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      // More than the gate's 2,000 tokens, within the API's other limits: it must not slip past the gate unparsed.
      const long = `query { ward(id: "${WARD}") { id ${'name '.repeat(2100)}} }`;
      for (const query of [long, 'query { publicWards { id } wards { id } }', 'query { ...F } fragment F on Query { wards { id } }', 'query { publicWards: wards { id } }', '{ residentInputs { edges { node { text } } } }', `{ ward(id: "${WARD}") { id } }`, `mutation { submitResidentInput(input: { wardId: "${WARD}", channel: PUBLIC_FORM, topic: "a", text: "b", requestId: "${rid()}" }) { id ward { name } session { id } } }`]) {
        const refused = await stack.graphql(query, {});
        expect(refused.body.errors![0].extensions.code, query.slice(0, 80)).toBe('UNAUTHENTICATED');
        expect(refused.body.data ?? null).toBeNull();
      }
    });

    it('shows the contact to the ward’s officers and ADMIN only, and only with consent', async () => {
      const noConsent = await stack.graphql(PUBLIC_SUBMIT, { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: 'Ngập', text: 'Ngập sau mưa.', contact: '0901234567', requestId: rid() } });
      expect(noConsent.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactConsent' });
      const sent = (await stack.graphql(PUBLIC_SUBMIT, { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: 'Ngập', text: 'Ngập sau mưa.', contact: '090 123 4567', contactConsent: true, requestId: rid() } })).body.data.submitResidentInput;
      const read = async (token: string) => (await api.ok<any>(`query { residentInputs(wardId: "${WARD}", first: 100) { edges { node { id hasContact contact } } } }`, {}, token)).residentInputs.edges.find((e: any) => e.node.id === sent.id).node;
      expect(await read(officer)).toEqual({ id: sent.id, hasContact: true, contact: '0901234567' });
      expect((await read(who.admin)).contact).toBe('0901234567');
      for (const token of [otherOfficer, who.leadership, who.tax]) expect((await read(token)).contact).toBeNull();
    });
  });

  describe('repeats and merges', () => {
    it('creates one input for ten simultaneous repeats of a requestId, counted once', async () => {
      const before = await stats();
      const requestId = rid();
      const ids = await Promise.all(Array.from({ length: 10 }, () => submit(officer, { requestId, supporters: 7 }).then((i) => i.id)));
      expect(new Set(ids).size).toBe(1);
      const after = await stats();
      expect(after.received - before.received).toBe(1);
      expect(after.supporters - before.supporters).toBe(7);
    });

    it('merges duplicates into one input and adds their supporters, exactly, under concurrency', async () => {
      const target = await submit(officer, { supporters: 3 });
      const duplicates = await Promise.all([5, 8, 13, 21].map((supporters) => submit(officer, { supporters })));
      const merged = await Promise.all(duplicates.map((d) => api.ok<any>(TRIAGE, { input: { id: d.id, to: 'MERGED', mergedIntoId: target.id } }, officer)));
      for (const m of merged) expect(m.triageResidentInput).toMatchObject({ status: 'MERGED', mergedInto: { id: target.id } });
      const now = (await api.ok<any>(`query { residentInputs(wardId: "${WARD}", first: 100) { edges { node { id supporters } } } }`, {}, officer)).residentInputs.edges.find((e: any) => e.node.id === target.id).node;
      expect(now.supporters).toBe(3 + 5 + 8 + 13 + 21);
      // Merged is final; nothing merges into a merged input; another ward's officer may not triage.
      expect((await api.refused(TRIAGE, { input: { id: duplicates[0].id, to: 'MERGED', mergedIntoId: target.id } }, officer)).code).toBe('CONFLICT');
      const late = await submit(officer, {});
      expect((await api.refused(TRIAGE, { input: { id: late.id, to: 'MERGED', mergedIntoId: duplicates[1].id } }, officer)).code).toBe('CONFLICT');
      expect((await api.refused(TRIAGE, { input: { id: late.id, to: 'DECLINED', note: 'x' } }, otherOfficer)).code).toBe('FORBIDDEN');
      expect((await api.refused(TRIAGE, { input: { id: late.id, to: 'DECLINED', note: 'x' } }, who.leadership)).code).toBe('FORBIDDEN');
    });
  });

  describe('agenda, concern and answer', () => {
    it('builds the agenda by supporters, raises from it during the dialogue, and the resident finds the answer by code', async () => {
      const session = await api.schedule(officer, { kind: 'PUBLIC', wardId: WARD, scheduledAt: '2030-01-10T01:00:00.000Z' });
      const few = await submit(officer, { topic: 'Cây xanh', supporters: 2 });
      const many = await submit(officer, { topic: 'Trường học quá tải', supporters: 60 });
      const mine = (await stack.graphql(PUBLIC_SUBMIT, { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: 'Đèn đường hỏng', text: 'Đèn hẻm 12 hỏng hai tuần.', requestId: rid() } })).body.data.submitResidentInput;
      for (const i of [few, many, mine]) await api.ok(TRIAGE, { input: { id: i.id, to: 'SELECTED', sessionId: session.id } }, officer);
      const agenda = (await api.ok<any>('query ($id: ID!) { session(id: $id) { agenda { topic supporters status } } }', { id: session.id }, who.leadership)).session.agenda;
      expect(agenda.map((a: any) => a.topic)).toEqual(['Trường học quá tải', 'Cây xanh', 'Đèn đường hỏng']);

      // Not before the dialogue is LIVE; then once per requestId; the input becomes RAISED.
      expect((await api.refused(RAISE, { inputId: mine.id, authority: 'WARD', requestId: 'raise-1' }, officer)).code).toBe('CONFLICT');
      await api.start(officer, session.id);
      expect((await api.refused(RAISE, { inputId: mine.id, authority: 'WARD', requestId: 'raise-1' }, otherOfficer)).code).toBe('FORBIDDEN');
      const [c1, c2] = await Promise.all([1, 2].map(() => api.ok<any>(RAISE, { inputId: mine.id, authority: 'WARD', requestId: 'raise-1' }, officer)));
      expect(c1.raiseFromInput.id).toBe(c2.raiseFromInput.id);
      expect(c1.raiseFromInput).toMatchObject({ status: 'OPEN', topic: 'Đèn đường hỏng', text: 'Đèn hẻm 12 hỏng hai tuần.', session: { id: session.id } });
      expect((await api.refused(TRIAGE, { input: { id: mine.id, to: 'DECLINED', note: 'x' } }, officer)).code).toBe('CONFLICT');

      const lookup = `query ($code: String!) { lookupResidentInput(code: $code) { code status topic answer dialogue { title agenda { topic } answers { topic answer } } } }`;
      const waiting = (await stack.graphql(lookup, { code: mine.lookupCode.toLowerCase() })).body.data.lookupResidentInput;
      expect(waiting).toMatchObject({ code: mine.lookupCode, status: 'RAISED', topic: 'Đèn đường hỏng', answer: null });
      await api.move(officer, { concernId: c1.raiseFromInput.id, to: 'ANSWERED_ON_SPOT', response: 'Phường thay đèn trong tuần.' });
      const answered = (await stack.graphql(lookup, { code: mine.lookupCode })).body.data.lookupResidentInput;
      expect(answered).toMatchObject({ status: 'RAISED', answer: 'Phường thay đèn trong tuần.', dialogue: { answers: [{ topic: 'Đèn đường hỏng', answer: 'Phường thay đèn trong tuần.' }] } });
      // The public sees topics and answers, never a resident's text.
      expect(JSON.stringify(answered)).not.toContain('hai tuần');
      const publicPage = (await stack.graphql(`query { publicDialogues(wardId: "${WARD}") { coming { id agenda { topic } } past { id } } }`, {})).body.data.publicDialogues;
      expect(publicPage.coming.find((d: any) => d.id === session.id).agenda.map((a: any) => a.topic)).toContain('Đèn đường hỏng');
      expect((await stack.graphql(lookup, { code: 'ZZZZ-ZZZZ' })).body.data.lookupResidentInput).toBeNull();
      expect((await stack.graphql(lookup, { code: 'nope' })).body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it("answers a resident whose contact was already deleted, starts the others' 30-day retention, and tells a declined opinion why", async () => {
      const session = await api.schedule(officer, { kind: 'PUBLIC', wardId: WARD, scheduledAt: '2030-02-10T01:00:00.000Z' });
      const send = async (topic: string) =>
        (await stack.graphql(PUBLIC_SUBMIT, { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic, text: 'Nội dung.', contact: 'nguoi.dan@example.vn', contactConsent: true, requestId: rid() } })).body.data.submitResidentInput;
      const [erased, kept, declined] = [await send('Cống thoát nước'), await send('Vỉa hè'), await send('Tiếng ồn')];
      for (const i of [erased, kept]) await api.ok(TRIAGE, { input: { id: i.id, to: 'SELECTED', sessionId: session.id } }, officer);
      await api.ok(TRIAGE, { input: { id: declined.id, to: 'DECLINED', note: 'Thuộc thẩm quyền Công an phường: đã chuyển.' } }, officer);
      await api.start(officer, session.id);
      const raise = async (inputId: string) => (await api.ok<any>(RAISE, { inputId, authority: 'WARD', requestId: rid() }, officer)).raiseFromInput.id as string;
      const [c1, c2] = [await raise(erased.id), await raise(kept.id)];
      // An administrator deleted the first contact on the resident's request (docs/security.md): the answer must still go through.
      const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamoEndpointOf(stack), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
      await db.send(new DeleteCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: `INPUT#${erased.id}`, sk: 'CONTACT' } }));
      await api.move(officer, { concernId: c1, to: 'ANSWERED_ON_SPOT', response: 'Đã nạo vét.' });
      const before = Date.now();
      await api.move(officer, { concernId: c2, to: 'ANSWERED_ON_SPOT', response: 'Đã xử lý.' });
      const contact = (await db.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: `INPUT#${kept.id}`, sk: 'CONTACT' } }))).Item!;
      expect(contact.contact).toBe('nguoi.dan@example.vn');
      expect(contact.ttl * 1000 - before).toBeGreaterThan(30 * 86_400_000 - 60_000);
      expect(contact.ttl * 1000 - before).toBeLessThan(30 * 86_400_000 + 60_000);
      db.destroy();
      const lookup = 'query ($code: String!) { lookupResidentInput(code: $code) { status answer } }';
      expect((await stack.graphql(lookup, { code: erased.lookupCode })).body.data.lookupResidentInput).toEqual({ status: 'RAISED', answer: 'Đã nạo vét.' });
      expect((await stack.graphql(lookup, { code: declined.lookupCode })).body.data.lookupResidentInput).toEqual({ status: 'DECLINED', answer: 'Thuộc thẩm quyền Công an phường: đã chuyển.' });
    });

    it('counts received, selected, raised and answered on write', async () => {
      const s = await stats();
      expect(s.received).toBeGreaterThanOrEqual(s.selected);
      expect(s.raised).toBeGreaterThanOrEqual(1);
      expect(s.answered).toBeGreaterThanOrEqual(1);
      expect(s.medianDaysToAnswer).toBe(0);
      // The review report's section reads the same counters: the ward's figures, and the district's sum of wards.
      const period = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
      const REPORT = 'query ($period: PeriodInput!, $wardId: ID) { report(period: $period, wardId: $wardId) { opinions { received supporters selected raised answered medianDaysToAnswer byWard { wardId received answered } } } }';
      const ward = (await api.ok<any>(REPORT, { period, wardId: WARD }, who.leadership)).report.opinions;
      expect(ward).toMatchObject({ received: s.received, supporters: s.supporters, selected: s.selected, raised: s.raised, answered: s.answered, medianDaysToAnswer: 0 });
      const district = (await api.ok<any>(REPORT, { period }, who.leadership)).report.opinions;
      expect(district.byWard.find((w: any) => w.wardId === WARD)).toEqual({ wardId: WARD, received: s.received, answered: s.answered });
      expect(district.received).toBe(district.byWard.reduce((n: number, w: any) => n + w.received, 0));
    });
  });

  describe('the public endpoint under a flood', () => {
    it('refuses most of 300 simultaneous opinions from one client, writes only what it accepts, and leaves another client alone', async () => {
      const before = await stats();
      const flood = await Promise.all(
        Array.from({ length: 300 }, (_, i) => postFrom('127.0.0.2', url, { query: PUBLIC_SUBMIT, variables: { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: `Ý kiến ${i}`, text: 'Nội dung.', requestId: rid() } } })),
      );
      const accepted = flood.filter((r) => r.body.data?.submitResidentInput);
      const refused = flood.filter((r) => r.body.errors?.[0]?.extensions?.reason === 'RATE_LIMITED');
      expect(refused.length).toBeGreaterThanOrEqual(200);
      expect(accepted.length + refused.length).toBe(300);
      expect(refused[0].body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', retryAfterSeconds: expect.any(Number) });
      expect((await stats()).received - before.received).toBe(accepted.length);
      const neighbour = await postFrom('127.0.0.3', url, { query: PUBLIC_SUBMIT, variables: { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: 'Khác', text: 'Người khác.', requestId: rid() } } });
      expect(neighbour.body.data.submitResidentInput.status).toBe('RECEIVED');
    });

    it('refuses bad input with a clear error and writes nothing', async () => {
      const before = await stats();
      const tooLong = await postFrom('127.0.0.4', url, { query: PUBLIC_SUBMIT, variables: { input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: 'Dài', text: 'x'.repeat(4001), requestId: rid() } } });
      expect(tooLong.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      const badWard = await postFrom('127.0.0.4', url, { query: PUBLIC_SUBMIT, variables: { input: { wardId: 'tan-hung', channel: 'PUBLIC_FORM', topic: 'a', text: 'b', requestId: rid() } } });
      expect(badWard.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(badWard.body.errors[0].message).toMatch(/not a ward in force/);
      expect(await stats()).toEqual(before);
    });
  });
});
