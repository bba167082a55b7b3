import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';
import { ChartTable } from '../../lib/ChartTable.js';
import { unitName } from '../../lib/unit-labels.js';

export const WAVE_COLOURS: Record<string, string> = { PILOT: '#b3261e', SECOND: '#0b57d0', THIRD: '#146c2e' };
/** Rows that are no unit of today: a divided former unit, what belongs to no unit. */
const APART_COLOUR = '#5f6368';

const TICK_FONT = 13;
const ROW_HEIGHT = 34;

/** The width a label needs on one line, measured with the page's font (a canvas, no layout). */
function textWidth(text: string, font: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * TICK_FONT * 0.6;
  context.font = font;
  return context.measureText(text).width;
}

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

interface Row { name: string; value: number; colour: string; tag?: string }

/** Splits a name into at most two lines at a space, for a name longer than the axis allows. */
function lines(name: string, width: number, font: string): string[] {
  if (textWidth(name, font) <= width) return [name];
  const words = name.split(' ');
  let best = [name];
  for (let i = 1; i < words.length; i++) {
    const candidate = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    if (textWidth(candidate[0]!, font) <= width) best = candidate;
  }
  return best;
}

/** A category name on one line (two for a very long one), right-aligned against the axis. */
function CategoryTick({ x, y, payload, width, font }: { x?: number; y?: number; payload?: { value: string }; width: number; font: string }) {
  const parts = lines(payload?.value ?? '', width, font);
  return (
    <text x={x} y={y} textAnchor="end" fontSize={TICK_FONT} fill="#1b1f24" className="axis-label">
      {parts.map((part, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${0.35 - (parts.length - 1) * 0.6}em` : '1.2em'}>{part}</tspan>
      ))}
    </text>
  );
}

/**
 * Horizontal bars with the category names on one line each, on an axis as wide as the longest name
 * (never wrapped into each other, on a phone as on a wall), one row per category.
 */
function HorizontalBars({ rows, valueName, label }: { rows: Row[]; valueName: string; label: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const font = `${TICK_FONT}px ${getComputedStyle(document.documentElement).fontFamily}`;
  const longest = Math.max(0, ...rows.map((r) => textWidth(r.name, font)));
  // The names get what they need, up to 55 % of the width; longer ones are broken at word boundaries.
  const axisWidth = Math.ceil(Math.min(longest + 14, Math.max(90, width * 0.55)));
  const height = Math.max(160, rows.length * ROW_HEIGHT + 40);
  return (
    <div ref={ref} className="bar-chart" role="img" aria-label={label}>
      {width > 0 && (
        <BarChart width={width} height={height} data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: TICK_FONT }} />
          <YAxis type="category" dataKey="name" width={axisWidth} interval={0} tick={<CategoryTick width={axisWidth - 12} font={font} />} />
          <Tooltip />
          <Bar dataKey="value" name={valueName} isAnimationActive={false}>
            {rows.map((row) => <Cell key={row.name} fill={row.colour} />)}
          </Bar>
        </BarChart>
      )}
    </div>
  );
}

/** Attendance by ward (coloured by rollout wave, named in the legend and the table) and by category; loaded on demand with the chart library. */
export default function OverviewCharts({ summary }: { summary: SummaryFieldsFragment }) {
  const { t } = useTranslation();
  // DistrictSummary.unitRows: former units folded into their successors, divided ones apart, and a row for
  // what belongs to no unit, so the rows add up to the attendance tile over any period.
  const byWard: Row[] = summary.unitRows.map((r) =>
    r.ward
      ? {
          // A short label on the axis (one line on a phone); the table's note says it was divided.
          name: unitName(r.ward),
          value: r.attendance,
          colour: r.divided ? APART_COLOUR : WAVE_COLOURS[r.ward.rolloutWave]!,
          tag: [t(`wave.${r.ward.rolloutWave}`), r.divided ? t('overview.divided') : '', r.includes.length ? t('overview.includes', { names: r.includes.map((w) => w.name).join(', ') }) : ''].filter(Boolean).join('; '),
        }
      : { name: t('overview.noUnit'), value: r.attendance, colour: APART_COLOUR, tag: '' },
  );
  const byCategory: Row[] = summary.attendanceByCategory.map((c) => ({ name: t(`category.${c.category}`), value: c.count, colour: '#0b57d0' }));
  return (
    <div className="two-columns charts">
      <figure className="panel" aria-labelledby="chart-ward-title" data-testid="chart-by-ward">
        <figcaption id="chart-ward-title"><h2>{t('overview.byWard')}</h2></figcaption>
        <HorizontalBars rows={byWard} valueName={t('kpi.attendance')} label={t('chart.summary', { title: t('overview.byWard') })} />
        <p className="legend">
          {Object.entries(WAVE_COLOURS).map(([wave, colour]) => (
            <span key={wave}><span className="swatch" style={{ background: colour }} aria-hidden="true" /> {t(`wave.${wave}`)}</span>
          ))}
        </p>
        <ChartTable caption={t('overview.byWard')} columns={[t('table.ward'), t('table.wave'), t('table.attendance')]} rows={byWard.map((r) => [r.name, r.tag ?? '', r.value])} testId="chart-by-ward-table" />
      </figure>
      <figure className="panel" aria-labelledby="chart-category-title" data-testid="chart-by-category">
        <figcaption id="chart-category-title"><h2>{t('overview.byCategory')}</h2></figcaption>
        {byCategory.length === 0 ? (
          <p className="muted">{t('overview.noAttendance')}</p>
        ) : (
          <>
            <HorizontalBars rows={byCategory} valueName={t('kpi.attendance')} label={t('chart.summary', { title: t('overview.byCategory') })} />
            <ChartTable caption={t('overview.byCategory')} columns={[t('chart.category'), t('table.attendance')]} rows={byCategory.map((r) => [r.name, r.value])} testId="chart-by-category-table" />
          </>
        )}
      </figure>
    </div>
  );
}
