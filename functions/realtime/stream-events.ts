import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Domain } from '../domain/index.js';
import { checkInFromItem, concernFromItem } from '../store/index.js';
import { once, type RealtimeEvent } from './events.js';

/**
 * The item types whose changes become subscription events (docs/data-model.md, "Stream events");
 * every other write (counters, connections, subscriptions, delivery markers…) is ignored. The
 * stream event source's filter in infra/ and the local poller use this same list. A tax question
 * (sent, triaged) and a rating make no event of their own: they change the tax figures, so they make
 * the batch's one summaryChanged (conflated like the rest), which the tax view follows.
 */
export const PUBLISHED_ITEM_TYPES = ['CheckIn', 'Concern', 'Session', 'TaxQuestion', 'Rating'] as const;

/** A stream record the publisher cannot make sense of: it fails alone, the others go on. */
export class MalformedRecordError extends Error {
  constructor(record: DynamoDBRecord, what: string) {
    super(`stream record ${record.eventID} (${record.eventName}): ${what}`);
    this.name = 'MalformedRecordError';
  }
}

function newImageOf(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const image = record.dynamodb?.NewImage;
  return image ? unmarshall(image as never) : undefined;
}

/** Whether a record should pass the stream filter (Lambda FilterCriteria in AWS, the poller locally). */
export function isPublishedRecord(record: DynamoDBRecord): boolean {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return false;
  const type = record.dynamodb?.NewImage?.type?.S;
  return (PUBLISHED_ITEM_TYPES as readonly string[]).includes(type ?? '');
}

/** Whether the record changes anything DistrictSummary or the tax figures show (sessions, live sessions, attendance, concerns, questions in advance, ratings). */
export function affectsSummary(record: DynamoDBRecord): boolean {
  return isPublishedRecord(record);
}

/**
 * The events one stream record makes: a CheckIn INSERT → attendanceChanged; a Concern INSERT
 * (raised) or MODIFY (moved) → concernChanged. Values load lazily, once per event, and only when a
 * subscriber is there to receive them. summaryChanged is made per batch (publish.ts).
 */
export function eventsOf(record: DynamoDBRecord, domain: Domain): RealtimeEvent[] {
  if (!isPublishedRecord(record)) return [];
  const id = record.eventID;
  if (!id) throw new MalformedRecordError(record, 'no eventID');
  const item = newImageOf(record)!;
  switch (item.type) {
    case 'CheckIn': {
      if (record.eventName !== 'INSERT') return [];
      const checkIn = checkInFromItem(item);
      if (typeof checkIn.sessionId !== 'string' || !checkIn.sessionId || !Number.isFinite(checkIn.delta) || typeof checkIn.at !== 'string') {
        throw new MalformedRecordError(record, 'a CheckIn needs sessionId, delta and at');
      }
      return [
        {
          field: 'attendanceChanged',
          id,
          sessionId: checkIn.sessionId,
          wardId: checkIn.wardId,
          delta: checkIn.delta,
          at: checkIn.at,
          // NOTE: counters are sharded, so the total after this check-in is read, not carried:
          // under a burst it may already include later check-ins (it never goes backwards).
          value: once(async () => ({
            sessionId: checkIn.sessionId,
            delta: checkIn.delta,
            at: checkIn.at,
            attendance: (await domain.sessions.countsOf(checkIn.sessionId)).attendance,
          })),
        },
      ];
    }
    case 'Concern': {
      const concern = concernFromItem(item);
      if (typeof concern.id !== 'string' || !concern.id || typeof concern.sessionId !== 'string' || !concern.status) {
        throw new MalformedRecordError(record, 'a Concern needs id, sessionId and status');
      }
      return [{ field: 'concernChanged', id, concernId: concern.id, wardId: concern.wardId, handledBy: concern.handledBy, value: once(async () => concern) }];
    }
    default:
      return [];
  }
}
