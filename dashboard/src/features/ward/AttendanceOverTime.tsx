import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../lib/format.js';
import { ChartTable } from '../../lib/ChartTable.js';

/** A ward's attendance session by session, oldest first (loaded on demand with the chart library). */
export default function AttendanceOverTime({ sessions }: { sessions: { id: string; scheduledAt: string; attendance: number; title: string }[] }) {
  const { t } = useTranslation();
  const points = [...sessions]
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))
    .map((s) => ({ date: formatDate(s.scheduledAt), attendance: s.attendance, title: s.title }));
  return (
    <figure className="panel" aria-labelledby="ward-chart-title">
      <figcaption id="ward-chart-title"><h2>{t('ward.overTime')}</h2></figcaption>
      {points.length === 0 ? <p className="muted">{t('ward.noSessions')}</p> : (
        <>
        <ResponsiveContainer width="100%" height={260} role="img" aria-label={t('chart.summary', { title: t('ward.overTime') })}>
          <LineChart data={points} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Line type="monotone" dataKey="attendance" name={t('kpi.attendance')} stroke="#0b57d0" strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
        <ChartTable caption={t('ward.overTime')} columns={[t('table.session'), t('table.date'), t('table.attendance')]} rows={points.map((p) => [p.title, p.date, p.attendance])} />
        </>
      )}
    </figure>
  );
}
