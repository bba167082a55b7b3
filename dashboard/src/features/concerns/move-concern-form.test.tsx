// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setUpI18n } from '../../i18n/index.js';
import { checkMove, type OfferedMove } from '../../lib/allowed-moves.js';
import { MoveConcernForm, type MoveRequest } from './MoveConcernForm.js';

// What the API's Concern.allowedMoves answers for an officer of the concern's ward (the server's state
// machine; test/integration/domain-concerns.test.ts checks the API accepts each of these as offered).
const ALL = ['WARD', 'DISTRICT', 'CITY', 'CENTRAL'] as const;
const OFFERS: Record<'OPEN' | 'IN_PROGRESS' | 'ESCALATED' | 'ANSWERED', OfferedMove[]> = {
  OPEN: [
    { to: 'ANSWERED_ON_SPOT', authorities: ALL, needsResponse: true },
    { to: 'IN_PROGRESS', authorities: ['WARD', 'DISTRICT'], needsResponse: false },
    { to: 'RESOLVED', authorities: ['WARD', 'DISTRICT'], needsResponse: true },
    { to: 'ESCALATED', authorities: ['CITY', 'CENTRAL'], needsResponse: false },
  ],
  IN_PROGRESS: [
    { to: 'RESOLVED', authorities: ['WARD', 'DISTRICT'], needsResponse: true },
    { to: 'ESCALATED', authorities: ['CITY', 'CENTRAL'], needsResponse: false },
  ],
  ESCALATED: [{ to: 'ANSWERED', authorities: ALL, needsResponse: true }],
  ANSWERED: [],
};

describe('a chosen move checked against the offer', () => {
  it('explains why a move would be refused', () => {
    expect(checkMove(OFFERS.OPEN, { to: 'ESCALATED', authority: 'DISTRICT', response: '' })).toBe('move.needsCityOrCentral');
    expect(checkMove(OFFERS.OPEN, { to: 'IN_PROGRESS', authority: 'CITY', response: '' })).toBe('move.needsWardOrDistrict');
    expect(checkMove(OFFERS.ESCALATED, { to: 'ANSWERED', authority: 'CITY', response: '  ' })).toBe('move.needsResponse');
    expect(checkMove(OFFERS.ANSWERED, { to: 'OPEN', authority: 'WARD', response: '' })).toBe('move.notAllowed');
    expect(checkMove(OFFERS.IN_PROGRESS, { to: 'ANSWERED_ON_SPOT', authority: 'WARD', response: 'x' })).toBe('move.notAllowed');
    expect(checkMove(OFFERS.OPEN, { to: 'RESOLVED', authority: 'WARD', response: 'Đã sửa đèn' })).toBeUndefined();
  });
});

describe('the move form', () => {
  beforeAll(async () => {
    await setUpI18n('vi');
  });
  afterEach(cleanup);

  const offered = () => screen.queryAllByRole('radio').map((radio) => radio.parentElement!.textContent);

  it('offers an open concern the four moves the API offers, in its order', () => {
    render(<MoveConcernForm moves={OFFERS.OPEN} authority="WARD" onMove={async () => undefined} />);
    expect(offered()).toEqual(['Trả lời tại chỗ', 'Đang giải quyết', 'Đã giải quyết', 'Chuyển Thành phố/Trung ương']);
  });

  it('offers an escalated concern only the answer after escalation', () => {
    render(<MoveConcernForm moves={OFFERS.ESCALATED} authority="CITY" onMove={async () => undefined} />);
    expect(offered()).toEqual(['Đã trả lời sau khi chuyển']);
  });

  it('offers a closed concern no move at all', () => {
    render(<MoveConcernForm moves={OFFERS.ANSWERED} authority="CITY" onMove={async () => undefined} />);
    expect(offered()).toEqual([]);
    expect(screen.getByText(/không còn bước xử lý/)).toBeTruthy();
  });

  it('limits escalation to the city or central authority and re-assigns it on the same move', async () => {
    const moves: MoveRequest[] = [];
    render(<MoveConcernForm moves={OFFERS.IN_PROGRESS} authority="DISTRICT" onMove={async (move) => { moves.push(move); return undefined; }} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Chuyển Thành phố/Trung ương' }));
    const authority = screen.getByLabelText('Thẩm quyền') as HTMLSelectElement;
    expect([...authority.options].map((o) => o.value)).toEqual(['CITY', 'CENTRAL']);
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    await waitFor(() => expect(moves).toEqual([{ to: 'ESCALATED', authority: 'CITY' }]));
  });

  it('asks for the answer before closing a concern and sends nothing without it', async () => {
    const moves: MoveRequest[] = [];
    render(<MoveConcernForm moves={OFFERS.OPEN} authority="WARD" onMove={async (move) => { moves.push(move); return undefined; }} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Trả lời tại chỗ' }));
    fireEvent.submit(screen.getByRole('button', { name: 'Cập nhật' }).closest('form')!);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Cần nhập nội dung trả lời.');
    expect(moves).toEqual([]);
    fireEvent.change(screen.getByLabelText('Nội dung trả lời (bắt buộc)'), { target: { value: 'Phường sẽ lắp đèn trong tuần.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    await waitFor(() => expect(moves).toEqual([{ to: 'ANSWERED_ON_SPOT', response: 'Phường sẽ lắp đèn trong tuần.' }]));
  });

  it('shows the API refusal as it came', async () => {
    render(<MoveConcernForm moves={OFFERS.OPEN} authority="WARD" onMove={async () => 'Concern c1 is RESOLVED; it cannot move to IN_PROGRESS'} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Đang giải quyết' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot move/);
  });
});
