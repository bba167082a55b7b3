import { useTranslation } from 'react-i18next';
import { ResponsiveContainer, Sankey, Tooltip } from 'recharts';

export interface LineageUnit {
  id: string;
  name: string;
  validTo?: string | null;
  successors: { ward: { id: string; name: string }; whole: boolean }[];
}

/**
 * The change from old units to new as a flow (recharts' Sankey): each old ward on the left flows into
 * the ward(s) it became. A divided ward splits into equal bands that are drawn dashed: the picture shows
 * where it went, not how much of it (figures of a divided unit are never apportioned).
 */
export default function LineageDiagram({ units }: { units: LineageUnit[] }) {
  const { t } = useTranslation();
  const sources = units.filter((u) => u.successors.length > 0);
  const targetIds = [...new Set(sources.flatMap((u) => u.successors.map((s) => s.ward.id)))];
  const nodes = [
    ...sources.map((u) => ({ name: u.name, id: u.id })),
    ...targetIds.map((id) => {
      const name = sources.flatMap((u) => u.successors).find((s) => s.ward.id === id)!.ward.name;
      return { name: `${name} (${t('units.new')})`, id };
    }),
  ];
  const links = sources.flatMap((u, i) => u.successors.map((s) => ({ source: i, target: sources.length + targetIds.indexOf(s.ward.id), value: 1 / u.successors.length, whole: s.whole })));
  if (links.length === 0) return <p className="muted">{t('units.noChanges')}</p>;
  return (
    <figure className="lineage" aria-label={t('units.diagramLabel')} data-testid="lineage-diagram">
      <ResponsiveContainer width="100%" height={Math.max(320, sources.length * 42)}>
        <Sankey
          data={{ nodes, links }}
          nodePadding={18}
          nodeWidth={12}
          margin={{ left: 8, right: 170, top: 8, bottom: 8 }}
          link={{ stroke: '#8aa4c8', strokeOpacity: 0.45 }}
          node={({ x, y, width, height, payload }: { x: number; y: number; width: number; height: number; payload: { name: string } }) => (
            <g>
              <rect x={x} y={y} width={width} height={height} fill="#1f4e8c" />
              <text x={x + width + 6} y={y + height / 2} dominantBaseline="middle" fontSize={13} fill="currentColor">{payload.name}</text>
            </g>
          )}
        >
          <Tooltip />
        </Sankey>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {sources.map((u) => `${u.name} → ${u.successors.map((s) => `${s.ward.name}${s.whole ? '' : ` (${t('units.part')})`}`).join(', ')}`).join('; ')}
      </figcaption>
    </figure>
  );
}
