/**
 * The agenda's current item on the wallboard: the item raised last whose concern is still open (being
 * discussed now); otherwise the next item still to raise, most supporters first (the agenda's order).
 */
export interface AgendaEntry {
  id: string;
  topic: string;
  status: string;
  concern?: { status: string; raisedAt: string } | null;
}

export function agendaNow(agenda: readonly AgendaEntry[]): { item: AgendaEntry; state: 'now' | 'next' } | undefined {
  const open = agenda.filter((i) => i.status === 'RAISED' && i.concern?.status === 'OPEN').sort((a, b) => b.concern!.raisedAt.localeCompare(a.concern!.raisedAt));
  if (open[0]) return { item: open[0], state: 'now' };
  const next = agenda.find((i) => i.status === 'SELECTED');
  return next ? { item: next, state: 'next' } : undefined;
}
