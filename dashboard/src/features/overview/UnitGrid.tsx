import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router.js';
import { formatNumber, matchesSearch } from '../../lib/format.js';
import type { SummaryFieldsFragment } from '../../gql/graphql.js';
import type { LiveSession } from './use-overview-data.js';

/** Above this many units, the overview and the wallboard show the city's tile grid instead of the district's tables. */
export const CITY_UNITS = 20;
const LEVELS = ['WARD', 'COMMUNE', 'SPECIAL_ZONE'] as const;

type UnitRow = SummaryFieldsFragment['unitRows'][number];
type Row = UnitRow & { ward: NonNullable<UnitRow['ward']> };
export interface UnitGroup {
  key: 'live' | (typeof LEVELS)[number];
  rows: { row: Row; live?: number }[];
}
/** What the tiles leave out, so that the screen still adds up: divided former units and what belongs to no unit. */
export interface Apart {
  divided: number;
  dividedAttendance: number;
  noneAttendance: number;
}

/** The name without its level ("Phường Tân Hưng" → "Tân Hưng"): the group heading says the level. */
export const shortName = (name: string) => name.replace(/^(Phường|Xã|Đặc khu)\s+/u, '');

/**
 * The units in groups (DistrictSummary.unitRows: former units folded into their successors): first
 * those with a dialogue LIVE now (their live attendance), then the rest by level (wards, communes, the
 * special zone), each in the jurisdiction's order. Divided former units and what belongs to no unit
 * are not tiles: `apartFrom` counts them. Pure.
 */
export function unitGroups(all: readonly UnitRow[], live: readonly LiveSession[], query = ''): UnitGroup[] {
  const rows = all.filter((r): r is Row => !!r.ward && !r.divided);
  const liveByUnit = new Map<string, number>();
  for (const s of live) if (s.ward) liveByUnit.set(s.ward.id, (liveByUnit.get(s.ward.id) ?? 0) + s.attendance);
  const shown = query.trim() ? rows.filter((r) => r.ward.code === query.trim() || matchesSearch(r.ward.name, query)) : rows;
  const groups: UnitGroup[] = [{ key: 'live', rows: shown.filter((r) => liveByUnit.has(r.ward.id)).map((row) => ({ row, live: liveByUnit.get(row.ward.id) })) }];
  for (const level of LEVELS) groups.push({ key: level, rows: shown.filter((r) => !liveByUnit.has(r.ward.id) && (r.ward.level ?? 'WARD') === level).map((row) => ({ row })) });
  return groups.filter((g) => g.rows.length > 0);
}

/** The rows no tile shows: divided former units (apart, never apportioned) and the row of no unit. */
export function apartFrom(all: readonly UnitRow[]): Apart {
  const divided = all.filter((r) => r.ward && r.divided);
  return { divided: divided.length, dividedAttendance: divided.reduce((n, r) => n + r.attendance, 0), noneAttendance: all.find((r) => !r.ward)?.attendance ?? 0 };
}

/** The city's units as a grid of small tiles that fits a 1920×1080 screen: live units first; then what no tile holds. */
export function UnitGrid({ groups, apart, large = false, linked = false }: { groups: UnitGroup[]; apart?: Apart; large?: boolean; linked?: boolean }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const anyGenerated = groups.some((g) => g.rows.some((r) => r.row.ward.generated));
  return (
    <div className={`unit-grid${large ? ' large' : ''}`} data-testid="unit-grid">
      {groups.map((g) => (
        <section key={g.key} className={`unit-group unit-group-${g.key.toLowerCase()}`} aria-label={t(`city.group.${g.key}`)}>
          <h3>{t(`city.group.${g.key}`)} <small>{formatNumber(g.rows.length, i18n.language)}</small></h3>
          <ul>
            {g.rows.map(({ row, live }) => (
              <li key={row.ward.id} data-unit={row.ward.id} data-live={live !== undefined ? 'true' : undefined} data-generated={row.ward.generated ? 'true' : undefined} className={live !== undefined ? 'live' : undefined}>
                {linked ? <Link to={`/ward/${row.ward.id}`}>{shortName(row.ward.name)}</Link> : <span className="name">{shortName(row.ward.name)}</span>}
                {row.ward.generated ? <span className="generated" title={t('city.generated')}>*</span> : null}
                <strong data-testid="unit-attendance">
                  {live !== undefined ? <span className="pulse" aria-hidden="true" /> : null}
                  {formatNumber(live ?? row.attendance, i18n.language)}
                </strong>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {apart && (apart.divided > 0 || apart.noneAttendance > 0) ? (
        <p className="unit-grid-note" data-testid="unit-grid-apart" data-attendance={apart.dividedAttendance + apart.noneAttendance}>
          {t('overview.apart', { divided: n(apart.divided), dividedAttendance: n(apart.dividedAttendance), noneAttendance: n(apart.noneAttendance) })}
        </p>
      ) : null}
      {anyGenerated ? <p className="unit-grid-note">* {t('city.generated')}</p> : null}
    </div>
  );
}
