import { ulid } from 'ulid';
import type { SharedStores } from '../kernel/ports.js';
import type { Actor } from '../kernel/actor.js';
import type { Activity, Page } from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { pageSize } from '../kernel/validation.js';

/** An audit-trail entry for what `actor` did at `at` (its id sorts by time), with what it concerned. */
export function auditEntry(actor: Actor, action: Activity['action'], description: string, refs: Partial<Activity>, at: string): Activity {
  return { id: ulid(Date.parse(at)), at, actorId: actor.id, role: actor.role, action, description, ...refs };
}

export function createActivityService(stores: SharedStores) {
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
