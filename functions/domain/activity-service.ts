import type { Stores } from '../store/index.js';
import type { Activity, Page } from './model.js';
import { toPage } from './pages.js';
import { pageSize } from './validation.js';

export function createActivityService(stores: Stores) {
  return {
    /** The audit trail, newest first. */
    async listActivity(args: { first?: number | null; after?: string | null }): Promise<Page<Activity>> {
      const first = pageSize(args.first);
      return toPage(async () => {
        const page = await stores.activity.listActivity(first, args.after);
        return { ...page, nodes: page.activities };
      });
    },
  };
}
export type ActivityService = ReturnType<typeof createActivityService>;
