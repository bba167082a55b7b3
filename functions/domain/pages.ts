import { BadCursorError, type RawPage } from './ports.js';
import { InvalidInputError } from './errors.js';
import type { Page } from './model.js';

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
