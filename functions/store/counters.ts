/**
 * The counters' attribute names: the one place that knows them (docs/data-model.md, "Counts"). The
 * domain speaks of tallies and totals (functions/domain/ports.ts); this file writes a Tally as the
 * attributes a counter item ADDs, and reads a counter item's attributes back as Totals.
 *
 * | attribute                    | counts                                                      |
 * |------------------------------|-------------------------------------------------------------|
 * | sessions, s_<KIND>           | sessions scheduled, by kind                                 |
 * | taxRounds                    | tax rounds (district)                                       |
 * | attendance, a_<KIND>         | head count, by session kind                                 |
 * | cat_<CATEGORY>               | head count by attendee category                             |
 * | concerns, concernsClosed     | concerns raised; answered (ward)                            |
 * | c_<STATUS>                   | concerns by status (district)                               |
 * | ca_<STATUS>_<AUTHORITY>      | concerns by status and level                                |
 * | t_<STATUS>, taxEscalated     | tax-round concerns by status; escalated to the city         |
 * | tta_<AUTHORITY>_<BIN>        | answers by level and answer-time bin                        |
 * | live, ids                    | the LIVE item: live sessions and their ids                  |
 * | inputs, inputSupporters      | residents' inputs received; the residents behind them       |
 * | inputsSelected, …Declined,   | inputs selected for an agenda, declined, merged, raised at  |
 * |   …Merged, …Raised, …Answered|   a dialogue, answered (ward and neighbourhood)             |
 * | ida_<BIN>                    | answered inputs by days from receipt to answer              |
 * | tx_<MEASURE>_<TOPIC>         | a tax round's questions by topic: raised, onSpot, inWriting |
 * | txd_<TOPIC>_<BIN>            | its answers in writing by topic and working days to answer  |
 * | taxQuestions                 | a tax round's questions sent in advance                     |
 * | satisfactionResponses, …Score| a tax round's ratings and the sum of their scores           |
 */
import { ATTENDEE_CATEGORIES, AUTHORITIES, CONCERN_STATUSES, SESSION_KINDS, type Authority, type ConcernStatus } from '../domain/kernel/model.js';
import type { Tally, Totals } from '../domain/ports.js';
import { TAX_TOPICS } from '../domain/kernel/tax-topics.js';

const name = {
  sessionsByKind: (kind: string) => `s_${kind}`,
  attendanceByKind: (kind: string) => `a_${kind}`,
  attendanceByCategory: (category: string) => `cat_${category}`,
  byStatus: (status: string) => `c_${status}`,
  byLevel: (status: string, authority: string) => `ca_${status}_${authority}`,
  taxByStatus: (status: string) => `t_${status}`,
  answers: (authority: string, bin: number) => `tta_${authority}_${bin}`,
  inputAnswerDays: (bin: number) => `ida_${bin}`,
  taxTopics: (measure: string, topic: string) => `tx_${measure}_${topic}`,
  taxAnswerDays: (topic: string, bin: number) => `txd_${topic}_${bin}`,
};
const TAX_TOPIC_ATTRIBUTE = /^tx_(raised|onSpot|inWriting)_([A-Z_]+)$/;
const TAX_DAYS_ATTRIBUTE = /^txd_([A-Z_]+)_(\d+)$/;
/** Topics in the contract's order, then 'NONE' (unclassified). */
const TAX_TOPIC_ORDER = [...TAX_TOPICS, 'NONE'] as readonly string[];
const INPUT_DAYS_ATTRIBUTE = /^ida_(\d+)$/;
const ANSWER_ATTRIBUTE = /^tta_([A-Z]+)_(\d+)$/;
const INPUT_COUNTS = ['inputs', 'inputSupporters', 'inputsSelected', 'inputsDeclined', 'inputsMerged', 'inputsRaised', 'inputsAnswered'] as const;
const PLAIN = ['sessions', 'taxRounds', 'attendance', 'concerns', 'concernsClosed', 'taxEscalated', 'live', 'taxQuestions', 'satisfactionResponses', 'satisfactionScore', ...INPUT_COUNTS] as const;
const KEYED = ['sessionsByKind', 'attendanceByKind', 'attendanceByCategory', 'byStatus', 'taxByStatus'] as const;

/** The attributes a tally ADDs (summed where two entries name the same counter; zeros left out). */
export function counterAttributes(tally: Tally): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (attribute: string, n: number | undefined) => {
    if (n) out[attribute] = (out[attribute] ?? 0) + n;
  };
  for (const key of PLAIN) add(key, tally[key]);
  for (const key of KEYED) for (const [k, n] of Object.entries(tally[key] ?? {})) add(name[key](k), n);
  for (const l of tally.byLevel ?? []) add(name.byLevel(l.status, l.authority), l.add);
  for (const a of tally.answers ?? []) add(name.answers(a.authority, a.bin), a.add);
  for (const d of tally.inputAnswerDays ?? []) add(name.inputAnswerDays(d.bin), d.add);
  for (const t of tally.taxTopics ?? []) add(name.taxTopics(t.measure, t.topic), t.add);
  for (const d of tally.taxAnswerDays ?? []) add(name.taxAnswerDays(d.topic, d.bin), d.add);
  for (const [k, n] of Object.entries(out)) if (n === 0) delete out[k];
  return out;
}

const byKeys = <K extends string>(keys: readonly K[], read: (k: K) => number) => Object.fromEntries(keys.map((k) => [k, read(k)])) as Record<K, number>;

/** Totals from summed counter attributes (every key present, in a fixed order: two equal totals compare equal as JSON). */
export function totalsFrom(attributes: Record<string, number>): Totals {
  const n = (attribute: string) => attributes[attribute] ?? 0;
  const answers: Totals['answers'] = [];
  for (const [attribute, count] of Object.entries(attributes)) {
    const m = ANSWER_ATTRIBUTE.exec(attribute);
    if (m && count !== 0) answers.push({ authority: m[1] as Authority, bin: Number(m[2]), count });
  }
  answers.sort((x, y) => AUTHORITIES.indexOf(x.authority) - AUTHORITIES.indexOf(y.authority) || x.bin - y.bin);
  const inputAnswerDays: Totals['inputAnswerDays'] = [];
  for (const [attribute, count] of Object.entries(attributes)) {
    const m = INPUT_DAYS_ATTRIBUTE.exec(attribute);
    if (m && count !== 0) inputAnswerDays.push({ bin: Number(m[1]), count });
  }
  inputAnswerDays.sort((x, y) => x.bin - y.bin);
  const topics = new Map<string, { topic: string; raised: number; onSpot: number; inWriting: number }>();
  const taxAnswerDays: Totals['taxAnswerDays'] = [];
  for (const [attribute, count] of Object.entries(attributes)) {
    const m = TAX_TOPIC_ATTRIBUTE.exec(attribute);
    if (m && count !== 0) {
      const row = topics.get(m[2]) ?? { topic: m[2], raised: 0, onSpot: 0, inWriting: 0 };
      row[m[1] as 'raised' | 'onSpot' | 'inWriting'] += count;
      topics.set(m[2], row);
    }
    const d = TAX_DAYS_ATTRIBUTE.exec(attribute);
    if (d && count !== 0) taxAnswerDays.push({ topic: d[1], bin: Number(d[2]), count });
  }
  const topicRank = (t: string) => TAX_TOPIC_ORDER.indexOf(t);
  taxAnswerDays.sort((x, y) => topicRank(x.topic) - topicRank(y.topic) || x.bin - y.bin);
  return {
    sessions: n('sessions'),
    sessionsByKind: byKeys(SESSION_KINDS, (k) => n(name.sessionsByKind(k))),
    taxRounds: n('taxRounds'),
    attendance: n('attendance'),
    attendanceByKind: byKeys(SESSION_KINDS, (k) => n(name.attendanceByKind(k))),
    attendanceByCategory: byKeys(ATTENDEE_CATEGORIES, (c) => n(name.attendanceByCategory(c))),
    concerns: n('concerns'),
    concernsClosed: n('concernsClosed'),
    byStatus: byKeys(CONCERN_STATUSES, (s) => n(name.byStatus(s))),
    byLevel: Object.fromEntries(CONCERN_STATUSES.map((s: ConcernStatus) => [s, byKeys(AUTHORITIES, (a) => n(name.byLevel(s, a)))])) as Totals['byLevel'],
    taxByStatus: byKeys(CONCERN_STATUSES, (s) => n(name.taxByStatus(s))),
    taxEscalated: n('taxEscalated'),
    answers,
    ...(Object.fromEntries(INPUT_COUNTS.map((k) => [k, n(k)])) as Record<(typeof INPUT_COUNTS)[number], number>),
    inputAnswerDays,
    taxTopics: [...topics.values()].sort((x, y) => topicRank(x.topic) - topicRank(y.topic)),
    taxAnswerDays,
    taxQuestions: n('taxQuestions'),
    satisfactionResponses: n('satisfactionResponses'),
    satisfactionScore: n('satisfactionScore'),
  };
}
