import { useTranslation } from 'react-i18next';
import { formatDate } from './format.js';

/** The last day an answer is due: dueAt is the end of that day (00:00 of the next, Vietnam time). */
export function dueDay(dueAt: string): string {
  return formatDate(new Date(Date.parse(dueAt) - 1));
}

/**
 * A concern's deadline, in words (and an icon) rather than colour alone: "Hạn 16/12/2026", or
 * "⚠ Quá hạn · hạn 16/12/2026" once an unanswered concern is past it. Nothing for an answered concern
 * or one without a deadline.
 */
export function DueBadge({ dueAt, overdue, closed }: { dueAt?: string | null; overdue: boolean; closed?: boolean }) {
  const { t } = useTranslation();
  if (!dueAt || closed) return null;
  const date = dueDay(dueAt);
  if (overdue) {
    return (
      <span className="due-badge overdue" data-overdue="true" data-testid="due-badge">
        <span aria-hidden="true">⚠ </span>
        <strong>{t('deadline.overdue')}</strong> · {t('deadline.dueOn', { date })}
      </span>
    );
  }
  return (
    <span className="due-badge" data-overdue="false" data-testid="due-badge">
      {t('deadline.due', { date })}
    </span>
  );
}
