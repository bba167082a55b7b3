// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setUpI18n } from '../../i18n/index.js';
import { allowedMoves, checkMove } from './allowed-moves.js';
import { MoveConcernForm, type MoveRequest } from './MoveConcernForm.js';

describe('the concern state machine as offered', () => {
  it('allows exactly the moves of the contract', () => {
    expect(allowedMoves('OPEN')).toEqual(['ANSWERED_ON_SPOT', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED']);
    expect(allowedMoves('IN_PROGRESS')).toEqual(['RESOLVED', 'ESCALATED']);
    expect(allowedMoves('ESCALATED')).toEqual(['ANSWERED']);
    expect(allowedMoves('RESOLVED')).toEqual([]);
  });

  it('explains why a move would be refused', () => {
    expect(checkMove({ from: 'OPEN', to: 'ESCALATED', authority: 'DISTRICT', response: '' })).toBe('move.needsCityOrCentral');
    expect(checkMove({ from: 'OPEN', to: 'IN_PROGRESS', authority: 'CITY', response: '' })).toBe('move.needsWardOrDistrict');
    expect(checkMove({ from: 'ESCALATED', to: 'ANSWERED', authority: 'CITY', response: '  ' })).toBe('move.needsResponse');
    expect(checkMove({ from: 'RESOLVED', to: 'OPEN', authority: 'WARD', response: '' })).toBe('move.notAllowed');
    expect(checkMove({ from: 'OPEN', to: 'RESOLVED', authority: 'WARD', response: 'Đã sửa đèn' })).toBeUndefined();
  });
});

describe('the move form', () => {
  beforeAll(async () => {
    await setUpI18n('vi');
  });
  afterEach(cleanup);

  const offered = () => screen.queryAllByRole('radio').map((radio) => radio.parentElement!.textContent);

  it('offers an open concern only its four moves', () => {
    render(<MoveConcernForm status="OPEN" authority="WARD" onMove={async () => undefined} />);
    expect(offered()).toEqual(['Trả lời tại chỗ', 'Đang giải quyết', 'Đã giải quyết', 'Chuyển Thành phố/Trung ương']);
  });

  it('offers an escalated concern only the answer after escalation', () => {
    render(<MoveConcernForm status="ESCALATED" authority="CITY" onMove={async () => undefined} />);
    expect(offered()).toEqual(['Đã trả lời sau khi chuyển']);
  });

  it('offers a closed concern no move at all', () => {
    render(<MoveConcernForm status="ANSWERED" authority="CITY" onMove={async () => undefined} />);
    expect(offered()).toEqual([]);
    expect(screen.getByText(/không còn bước xử lý/)).toBeTruthy();
  });

  it('limits escalation to the city or central authority and re-assigns it on the same move', async () => {
    const moves: MoveRequest[] = [];
    render(<MoveConcernForm status="IN_PROGRESS" authority="DISTRICT" onMove={async (move) => { moves.push(move); return undefined; }} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Chuyển Thành phố/Trung ương' }));
    const authority = screen.getByLabelText('Thẩm quyền') as HTMLSelectElement;
    expect([...authority.options].map((o) => o.value)).toEqual(['CITY', 'CENTRAL']);
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    await waitFor(() => expect(moves).toEqual([{ to: 'ESCALATED', authority: 'CITY' }]));
  });

  it('asks for the answer before closing a concern and sends nothing without it', async () => {
    const moves: MoveRequest[] = [];
    render(<MoveConcernForm status="OPEN" authority="WARD" onMove={async (move) => { moves.push(move); return undefined; }} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Trả lời tại chỗ' }));
    fireEvent.submit(screen.getByRole('button', { name: 'Cập nhật' }).closest('form')!);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Cần nhập nội dung trả lời.');
    expect(moves).toEqual([]);
    fireEvent.change(screen.getByLabelText('Nội dung trả lời (bắt buộc)'), { target: { value: 'Phường sẽ lắp đèn trong tuần.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    await waitFor(() => expect(moves).toEqual([{ to: 'ANSWERED_ON_SPOT', response: 'Phường sẽ lắp đèn trong tuần.' }]));
  });

  it('shows the API refusal as it came', async () => {
    render(<MoveConcernForm status="OPEN" authority="WARD" onMove={async () => 'Concern c1 is RESOLVED; it cannot move to IN_PROGRESS'} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Đang giải quyết' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot move/);
  });
});
