import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../lib/live.js';
import { formatNumber } from '../../lib/format.js';
import { SelectField } from '../../lib/SelectField.js';
import { useViewer } from '../../lib/viewer.js';
import { vietnamDateParts, vietnamMidnight } from '../../lib/vietnam-time.js';
import { AgendaPanel } from './AgendaPanel.js';
import { VoiceWardQuery } from './documents.js';
import { InputsBoard } from './InputsBoard.js';
import { MinutesForm } from './MinutesForm.js';
import type { InputCardFragment } from '../../gql/graphql.js';

type Input = InputCardFragment;

/**
 * Residents' voice, for the ward's officers (and everyone who reads): the minutes of a neighbourhood
 * meeting typed in, the board of inputs by status, and each dialogue's agenda chosen from them.
 */
export function VoicePage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  // A viewer with a ward (a ward officer) works on that ward; the others pick one.
  const own = viewer.ward?.id;
  const [chosen, setChosen] = useState<string>();
  // The neighbourhoods' figures are this year's (Vietnam time): what a ward reviews at its year's end.
  const [period] = useState(() => thisYear());
  const [{ data, error }, refetch] = useLiveQuery({ query: VoiceWardQuery, variables: { wardId: own ?? chosen ?? 'tan-hung-2025', period }, requestPolicy: 'cache-and-network' });
  const wardId = own ?? chosen ?? 'tan-hung-2025';
  const mayHandle = !!data?.viewer.mayHandleInputs;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const inputs: Input[] = data?.residentInputs.edges.map((e) => e.node) ?? [];
  const sessions = data?.sessions.edges.map((e) => e.node) ?? [];
  const stats = data?.ward?.inputStats;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <section aria-labelledby="voice-title" className="voice">
      <h1 id="voice-title">{t('voice.title')}</h1>
      <p className="muted">{t('voice.lead')}</p>
      {!own && data ? (
        <SelectField label={t('voice.ward')} value={wardId} onChange={setChosen} options={data.wards.map((w) => ({ value: w.id, label: w.name }))} />
      ) : null}
      {error && !data ? <p role="alert" className="error">{t('errors.load')}: {error.message}</p> : null}
      {stats ? (
        <dl className="kpis voice-stats" aria-label={t('voice.figures')}>
          <div><dt>{t('voice.received')}</dt><dd>{n(stats.received)}</dd></div>
          <div><dt>{t('voice.supporters')}</dt><dd>{n(stats.supporters)}</dd></div>
          <div><dt>{t('voice.selected')}</dt><dd>{n(stats.selected)}</dd></div>
          <div><dt>{t('voice.answered')}</dt><dd>{n(stats.answered)}</dd></div>
          <div><dt>{t('voice.medianDays')}</dt><dd>{stats.medianDaysToAnswer === null ? '—' : t('voice.days', { count: stats.medianDaysToAnswer })}</dd></div>
        </dl>
      ) : null}
      {data?.ward ? <NeighbourhoodTable year={period.from} neighbourhoods={data.ward.neighbourhoods} /> : null}
      {data?.ward && mayHandle ? <MinutesForm wardId={wardId} neighbourhoods={data.ward.neighbourhoods} known={inputs} onSent={reload} /> : null}
      {data?.ward ? <AgendaPanel wardName={data.ward.name} sessions={sessions} mayHandle={mayHandle} onChanged={reload} /> : null}
      {data?.ward ? <InputsBoard neighbourhoods={data.ward.neighbourhoods} inputs={inputs} sessions={sessions.filter((s) => s.status !== 'CLOSED')} mayHandle={mayHandle} onChanged={reload} /> : null}
    </section>
  );
}

/** This calendar year in Vietnam time, as a period. */
function thisYear(): { from: string; to: string } {
  const year = vietnamDateParts(new Date().toISOString()).year;
  return { from: vietnamMidnight(year, 0, 1), to: vietnamMidnight(year + 1, 0, 1) };
}

/** Inputs by neighbourhood this year: received, the residents behind them, selected, answered (counters kept on write). */
function NeighbourhoodTable({ year, neighbourhoods }: { year: string; neighbourhoods: readonly { id: string; name: string; generated: boolean; inputStats: { received: number; supporters: number; selected: number; answered: number } }[] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const rows = neighbourhoods.filter((nb) => nb.inputStats.received > 0);
  return (
    <details className="panel">
      <summary>{t('voice.byNeighbourhood', { year: vietnamDateParts(year).year })}</summary>
      {rows.length === 0 ? <p className="muted">{t('voice.noInputsYet')}</p> : null}
      {rows.length ? (
        <div className="table-scroll"><table>
          <thead>
            <tr>
              <th scope="col">{t('voice.neighbourhood')}</th>
              <th scope="col" className="num">{t('voice.received')}</th>
              <th scope="col" className="num">{t('voice.supporters')}</th>
              <th scope="col" className="num">{t('voice.selected')}</th>
              <th scope="col" className="num">{t('voice.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((nb) => (
              <tr key={nb.id}>
                <th scope="row">{nb.name}{nb.generated ? <small className="muted"> ({t('voice.generated')})</small> : null}</th>
                <td className="num">{n(nb.inputStats.received)}</td>
                <td className="num">{n(nb.inputStats.supporters)}</td>
                <td className="num">{n(nb.inputStats.selected)}</td>
                <td className="num">{n(nb.inputStats.answered)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      ) : null}
    </details>
  );
}
