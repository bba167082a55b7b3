import type { Domain } from '../../functions/domain/index.js';
import { wardOfficer } from './demo-plans.js';

/**
 * Residents' voice in the demo (this year, in the four wards of the city): opinions gathered in
 * neighbourhood meetings, residential groups and on the public page; a past dialogue whose agenda was
 * chosen from them and answered (each answer findable by its look-up code); the coming dialogue of Tân
 * Hưng with its agenda; and the live dialogue of Tân Thuận raising concerns straight from its agenda.
 */

/** The look-up code the README names: an answered opinion of Tân Hưng. */
export const DEMO_LOOKUP_CODE = 'TH26-0001';

const OPINIONS: { topic: string; text: string }[] = [
  { topic: 'Ngập nước đường Huỳnh Tấn Phát khi triều cường', text: 'Mỗi đợt triều cường nước ngập qua mắt cá, xe máy chết máy; đề nghị nâng cấp cống thoát nước.' },
  { topic: 'Đèn chiếu sáng hẻm không hoạt động', text: 'Đèn đường trong hẻm hỏng đã lâu, buổi tối đi lại nguy hiểm, đề nghị sửa chữa.' },
  { topic: 'Lấn chiếm vỉa hè kinh doanh', text: 'Nhiều hộ kinh doanh bày hàng ra vỉa hè, người đi bộ phải đi xuống lòng đường.' },
  { topic: 'Thu gom rác không đúng giờ', text: 'Xe thu gom rác đến trễ, rác để qua đêm gây mùi hôi, đề nghị điều chỉnh lịch thu gom.' },
  { topic: 'Tiếng ồn từ công trình xây dựng ban đêm', text: 'Công trình thi công sau 22 giờ gây ồn, ảnh hưởng giấc ngủ người dân xung quanh.' },
  { topic: 'Trường tiểu học quá tải', text: 'Sĩ số lớp đông, đề nghị phường kiến nghị xây thêm phòng học cho năm học tới.' },
  { topic: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất chậm', text: 'Hồ sơ nộp đã quá hạn hẹn nhưng chưa nhận được kết quả, đề nghị giải thích lý do.' },
  { topic: 'Thiếu sân chơi cho trẻ em', text: 'Khu phố chưa có sân chơi, trẻ em phải chơi ngoài đường, đề nghị bố trí quỹ đất công.' },
  { topic: 'Cây xanh nghiêng đổ nguy hiểm', text: 'Hàng cây dọc đường bị nghiêng sau mưa bão, đề nghị cắt tỉa trước mùa mưa.' },
  { topic: 'An ninh trật tự khu trọ', text: 'Khu nhà trọ thường xuyên tụ tập ồn ào, đề nghị tăng cường tuần tra.' },
];
const CHANNELS = ['NEIGHBOURHOOD_MEETING', 'RESIDENTIAL_GROUP', 'NEIGHBOURHOOD_MEETING', 'OFFICE'] as const;
const WARDS: Record<string, string> = { 'tan-thuan-2025': 'Tân Thuận', 'tan-hung-2025': 'Tân Hưng', 'phu-thuan-2025': 'Phú Thuận', 'tan-my-2025': 'Tân Mỹ' };

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

export async function loadDemoVoice(domain: Domain, now: Date, liveSessionId: string | undefined): Promise<number> {
  const today = now.getTime();
  const on = (ms: number) => domain.withClock(() => new Date(Math.min(ms, today)));
  let count = 0;
  // `i` picks the opinion and the neighbourhood; every input has a requestId of its own (a repeat would return the first).
  const submit = async (wardId: string, i: number, receivedAt: number, extra: { supporters?: number; code?: string; publicForm?: boolean } = {}) => {
    const o = OPINIONS[i % OPINIONS.length]!;
    const input = {
      wardId,
      neighbourhoodId: `${wardId}-kp${(i % 6) + 1}`,
      channel: extra.publicForm ? 'PUBLIC_FORM' : CHANNELS[i % CHANNELS.length]!,
      topic: o.topic,
      text: o.text,
      supporters: extra.publicForm ? 1 : (extra.supporters ?? 3 + ((i * 7) % 25)),
      requestId: `demo-input-${wardId}-${count}`,
    };
    count += 1;
    return on(receivedAt).voice.submitInput(extra.publicForm ? { publicClient: 'demo' } : { actor: wardOfficer(wardId) }, input, { lookupCode: extra.code });
  };

  // Every ward: a few opinions received this year, not yet triaged.
  for (const [n, wardId] of Object.keys(WARDS).entries()) {
    for (let i = 0; i < 4; i++) await submit(wardId, n * 3 + i, today - (20 + i * 9) * DAY);
  }

  // Tân Hưng: a past dialogue whose agenda came from the neighbourhoods, answered; one answer found by DEMO_LOOKUP_CODE.
  const th = 'tan-hung-2025';
  const officer = wardOfficer(th);
  const pastAt = today - 40 * DAY;
  const past = await on(pastAt - 25 * DAY).sessions.scheduleSession(officer, {
    kind: 'PUBLIC',
    title: `Đối thoại trực tiếp với nhân dân phường Tân Hưng về ý kiến của các khu phố năm ${now.getUTCFullYear()}`,
    wardId: th,
    hostBody: 'Đảng ủy - UBND phường Tân Hưng',
    place: 'Hội trường UBND phường Tân Hưng',
    scheduledAt: at(pastAt),
  });
  const gathered = [
    await submit(th, 0, pastAt - 30 * DAY, { supporters: 46, code: DEMO_LOOKUP_CODE }),
    await submit(th, 5, pastAt - 28 * DAY, { supporters: 31 }),
    await submit(th, 3, pastAt - 27 * DAY, { supporters: 18 }),
    await submit(th, 1, pastAt - 26 * DAY, { publicForm: true }),
  ];
  const duplicate = await submit(th, 10, pastAt - 24 * DAY, { supporters: 9 }); // the same flooding, from another group
  await on(pastAt - 20 * DAY).voice.triageInput(officer, { id: duplicate.id, to: 'MERGED', mergedIntoId: gathered[0]!.id });
  for (const input of gathered) await on(pastAt - 18 * DAY).voice.triageInput(officer, { id: input.id, to: 'SELECTED', sessionId: past.id });
  await on(pastAt).sessions.startSession(officer, past.id);
  await on(pastAt).sessions.checkIn(officer, { sessionId: past.id, category: 'RESIDENT', count: 74, requestId: 'demo-voice-past-checkin' }, { readAttendance: false });
  const answers = [
    { to: 'RESOLVED', response: 'Phường đã nạo vét tuyến cống Huỳnh Tấn Phát và lắp van ngăn triều; sẽ theo dõi trong mùa triều cường tới.' },
    { to: 'ESCALATED', authority: 'CITY', note: 'Đề xuất Sở Giáo dục và Đào tạo bổ sung phòng học.' },
    { to: 'ANSWERED_ON_SPOT', response: 'Phường đã làm việc với đơn vị thu gom: xe đến trước 20 giờ hằng ngày từ tuần sau.' },
    { to: 'ANSWERED_ON_SPOT', response: 'Phường giao khu phố kiểm tra và thay bóng đèn trong tuần.' },
  ] as const;
  for (const [i, input] of gathered.entries()) {
    const concern = await on(pastAt + (30 + i * 10) * 60_000).voice.raiseFromInput(officer, { inputId: input.id, authority: 'WARD', requestId: `demo-voice-raise-${i}` });
    const move = answers[i]!;
    const moveAt = move.to === 'RESOLVED' ? pastAt + 9 * DAY : pastAt + (40 + i * 10) * 60_000;
    await on(moveAt).concerns.moveConcern(officer, { concernId: concern.id, ...move });
  }
  await on(pastAt + 3 * 3_600_000).sessions.closeSession(officer, past.id);

  // Tân Hưng's coming dialogue, with its agenda chosen and one opinion declined.
  const coming = await on(today - 5 * DAY).sessions.scheduleSession(officer, {
    kind: 'PUBLIC',
    title: `Đối thoại trực tiếp với nhân dân phường Tân Hưng quý IV năm ${now.getUTCFullYear()}`,
    wardId: th,
    hostBody: 'Đảng ủy - UBND phường Tân Hưng',
    place: 'Nhà văn hóa khu phố 3, phường Tân Hưng',
    scheduledAt: at(today + 10 * DAY),
  });
  const agenda = [await submit(th, 7, today - 12 * DAY, { supporters: 38 }), await submit(th, 2, today - 11 * DAY, { supporters: 22 }), await submit(th, 8, today - 9 * DAY, { supporters: 12 })];
  for (const input of agenda) await on(today - 3 * DAY).voice.triageInput(officer, { id: input.id, to: 'SELECTED', sessionId: coming.id });
  const declined = await submit(th, 9, today - 8 * DAY, { publicForm: true });
  await on(today - 3 * DAY).voice.triageInput(officer, { id: declined.id, to: 'DECLINED', note: 'Thuộc thẩm quyền Công an phường: đã chuyển để tăng cường tuần tra.' });

  // Tân Thuận's live dialogue: its agenda, the first item already raised and answered on the spot.
  if (liveSessionId) {
    const tt = 'tan-thuan-2025';
    const ttOfficer = wardOfficer(tt);
    const items = [await submit(tt, 0, today - 15 * DAY, { supporters: 57 }), await submit(tt, 3, today - 14 * DAY, { supporters: 24 }), await submit(tt, 6, today - 13 * DAY, { supporters: 15 })];
    for (const input of items) await on(today - 2 * 3_600_000).voice.triageInput(ttOfficer, { id: input.id, to: 'SELECTED', sessionId: liveSessionId });
    const first = await on(today - 30 * 60_000).voice.raiseFromInput(ttOfficer, { inputId: items[0]!.id, authority: 'WARD', requestId: 'demo-voice-live-raise-0' });
    await on(today - 20 * 60_000).concerns.moveConcern(ttOfficer, { concernId: first.id, to: 'ANSWERED_ON_SPOT', response: 'Phường sẽ khởi công nâng cấp tuyến cống trong quý tới; lịch thi công công khai tại khu phố.' });
  }
  return count;
}
