import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';

export const WAVE_COLOURS: Record<string, string> = { PILOT: '#b3261e', SECOND: '#0b57d0', THIRD: '#146c2e' };

/** Attendance by ward (coloured by rollout wave) and by category; loaded on demand with the chart library. */
export default function OverviewCharts({ summary }: { summary: SummaryFieldsFragment }) {
  const { t } = useTranslation();
  const byWard = summary.wards.map((w) => ({ name: w.ward.name, attendance: w.attendance, wave: w.ward.rolloutWave }));
  const byCategory = summary.attendanceByCategory.map((c) => ({ name: t(`category.${c.category}`), count: c.count }));
  return (
    <div className="two-columns charts">
      <figure className="panel" aria-labelledby="chart-ward-title">
        <figcaption id="chart-ward-title"><h2>{t('overview.byWard')}</h2></figcaption>
        <ResponsiveContainer width="100%" height={320}>
          <BarChart data={byWard} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={110} />
            <Tooltip />
            <Bar dataKey="attendance" name={t('kpi.attendance')} isAnimationActive={false}>
              {byWard.map((row) => (
                <Cell key={row.name} fill={WAVE_COLOURS[row.wave]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        <p className="legend">
          {Object.entries(WAVE_COLOURS).map(([wave, colour]) => (
            <span key={wave}><span className="swatch" style={{ background: colour }} aria-hidden="true" /> {t(`wave.${wave}`)}</span>
          ))}
        </p>
      </figure>
      <figure className="panel" aria-labelledby="chart-category-title">
        <figcaption id="chart-category-title"><h2>{t('overview.byCategory')}</h2></figcaption>
        {byCategory.length === 0 ? (
          <p className="muted">{t('overview.noAttendance')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={320}>
            <BarChart data={byCategory} margin={{ left: 8, right: 16, bottom: 48 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} angle={-25} textAnchor="end" height={70} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name={t('kpi.attendance')} fill="#0b57d0" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </figure>
    </div>
  );
}
