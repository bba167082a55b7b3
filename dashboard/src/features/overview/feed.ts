import type { ActivityItem } from './use-overview-data.js';

/** One line of the activity feed: an entry, or a run of check-ins at one session merged into one. */
export interface FeedLine {
  key: string;
  /** The newest entry of the line (what the line says for anything but a merged run). */
  item: ActivityItem;
  /** For a run of check-ins at one session: every entry, newest first, and their total. */
  checkIns?: { entries: ActivityItem[]; total: number };
}

/**
 * Merges consecutive check-ins at the same session (newest first, as the API lists them) into one
 * line with their total: 34 single check-ins make "Điểm danh 34 lượt", not 34 identical lines.
 * The key stays that of the run's oldest entry, so the line keeps its place while it grows live.
 */
export function groupFeed(items: ActivityItem[], maxLines = 20): FeedLine[] {
  const lines: FeedLine[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (item.action === 'CHECKED_IN' && item.sessionId && last?.checkIns && last.item.sessionId === item.sessionId) {
      last.checkIns.entries.push(item);
      last.checkIns.total += item.count ?? 0;
      last.key = `run-${item.id}`;
      continue;
    }
    if (lines.length === maxLines) break;
    lines.push(item.action === 'CHECKED_IN' && item.sessionId ? { key: `run-${item.id}`, item, checkIns: { entries: [item], total: item.count ?? 0 } } : { key: item.id, item });
  }
  return lines;
}
