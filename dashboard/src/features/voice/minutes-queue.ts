import { localStorageQueue, OfflineQueue, type QueueStorage } from '../../lib/offline-queue.js';

/**
 * The minutes form's queue (src/lib/offline-queue.ts): each item typed in is stored at once with its
 * own requestId and sent when the network allows; a repeat after a lost answer creates nothing new.
 */
export interface QueuedInput {
  requestId: string;
  queuedAt: string;
  attempts: number;
  wardId: string;
  neighbourhoodId?: string;
  channel: 'NEIGHBOURHOOD_MEETING' | 'RESIDENTIAL_GROUP' | 'OFFICE';
  topic: string;
  text: string;
  supporters: number;
}

export const MINUTES_QUEUE_KEY = 'dp.minutes.queue.v1';

export const minutesStorage = (storage: Storage = window.localStorage): QueueStorage<QueuedInput> => localStorageQueue<QueuedInput>(storage, MINUTES_QUEUE_KEY);

export class MinutesQueue extends OfflineQueue<QueuedInput> {}
