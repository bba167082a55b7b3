import wardsFile from '../data/wards.json' with { type: 'json' };

export const ROLLOUT_WAVES = ['PILOT', 'SECOND', 'THIRD'] as const;
export type RolloutWave = (typeof ROLLOUT_WAVES)[number];

export interface Ward {
  id: string;
  name: string;
  rolloutWave: RolloutWave;
  /** Position in Query.wards. */
  order: number;
}

/**
 * The reference wards from functions/data/wards.json, checked: a malformed file fails at start,
 * not in the middle of a request.
 */
export function referenceWards(): Ward[] {
  const wards = wardsFile.wards.map((w) => ({ ...w, name: w.name.normalize('NFC') }) as Ward);
  const ids = new Set<string>();
  for (const w of wards) {
    if (!/^[a-z0-9-]{2,40}$/.test(w.id)) throw new Error(`wards.json: bad ward id "${w.id}"`);
    if (ids.has(w.id)) throw new Error(`wards.json: duplicate ward id "${w.id}"`);
    if (!ROLLOUT_WAVES.includes(w.rolloutWave)) throw new Error(`wards.json: bad rollout wave for ${w.id}`);
    ids.add(w.id);
  }
  return wards.sort((a, b) => a.order - b.order);
}
