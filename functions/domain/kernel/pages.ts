import { InvalidInputError } from './errors.js';
import type { Page } from './model.js';

/** A page as a store reads it: each item with its opaque cursor. */
export interface RawPage {
  items: { item: Record<string, unknown>; cursor: string }[];
  hasNextPage: boolean;
}

/** A store was handed a cursor it cannot read, or one of another list (functions/domain/kernel/pages.ts answers it). */
export class BadCursorError extends Error {
  constructor() {
    super('bad cursor');
    this.name = 'BadCursorError';
  }
}

/** Turns a store page into a domain page; a cursor the store cannot read is the caller's input error. */
export async function toPage<T>(read: () => Promise<RawPage & { nodes: T[] }>, count?: () => Promise<number>): Promise<Page<T>> {
  try {
    const page = await read();
    return { items: page.nodes.map((node, i) => ({ node, cursor: page.items[i].cursor })), hasNextPage: page.hasNextPage, totalCount: count };
  } catch (error) {
    if (error instanceof BadCursorError) {
      throw new InvalidInputError('after is not a cursor of this list; pass an endCursor or cursor this same query returned.', { field: 'after' });
    }
    throw error;
  }
}
