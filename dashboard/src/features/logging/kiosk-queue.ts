/**
 * The check-in kiosk's offline queue (src/lib/offline-queue.ts): every tap becomes a check-in with its
 * own `requestId`, kept until the API has answered it.
 */
import { localStorageQueue as storedQueue, OfflineQueue, type QueueStorage } from '../../lib/offline-queue.js';

export type { SendOutcome, QueueStorage } from '../../lib/offline-queue.js';
export type AttendeeCategory =
  | 'RESIDENT'
  | 'YOUTH_UNION_MEMBER'
  | 'PARTY_MEMBER'
  | 'WOMENS_UNION_MEMBER'
  | 'BUSINESS_REPRESENTATIVE'
  | 'OFFICIAL'
  | 'OTHER';

export interface QueuedCheckIn {
  requestId: string;
  sessionId: string;
  category: AttendeeCategory;
  count: number;
  businessId?: string;
  queuedAt: string;
  attempts: number;
}

export const KIOSK_QUEUE_KEY = 'dp.kiosk.queue.v1';

export const localStorageQueue = (storage: Storage = window.localStorage, key = KIOSK_QUEUE_KEY): QueueStorage<QueuedCheckIn> => storedQueue<QueuedCheckIn>(storage, key);

export class CheckInQueue extends OfflineQueue<QueuedCheckIn> {
  pendingFor(sessionId: string): number {
    return this.items.filter((item) => item.sessionId === sessionId).reduce((sum, item) => sum + item.count, 0);
  }

  /** Records a tap (persisted at once) and starts sending. */
  enqueue(input: { sessionId: string; category: AttendeeCategory; count?: number; businessId?: string }): QueuedCheckIn {
    return this.add({ sessionId: input.sessionId, category: input.category, count: input.count ?? 1, ...(input.businessId ? { businessId: input.businessId } : {}) });
  }
}
