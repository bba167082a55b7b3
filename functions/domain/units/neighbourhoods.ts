/**
 * Neighbourhoods (khu phố) as reference data: functions/data/neighbourhoods.json, or a file in the same
 * shape given as NEIGHBOURHOODS_FILE. A ward's list is either generated ("Khu phố 1…N", marked as
 * such) or real (`names`, with its `source`).
 */
import defaultFile from '../../data/neighbourhoods.json' with { type: 'json' };
import { InvalidInputError } from '../kernel/errors.js';
import type { Neighbourhood } from '../kernel/model.js';

export interface NeighbourhoodsFile {
  wards: { wardId: string; generated?: boolean; count?: number; names?: string[]; source?: string }[];
}

/** The neighbourhoods a file describes, in order within each ward; refuses a malformed entry by name. */
export function neighbourhoodsFrom(file: NeighbourhoodsFile = defaultFile as NeighbourhoodsFile): Neighbourhood[] {
  const out: Neighbourhood[] = [];
  for (const entry of file.wards ?? []) {
    if (typeof entry.wardId !== 'string' || !/^[a-z0-9-]{1,80}$/.test(entry.wardId)) throw new InvalidInputError(`neighbourhoods: bad wardId ${JSON.stringify(entry.wardId)}`);
    const names = entry.names ?? (entry.generated && Number.isInteger(entry.count) && entry.count! > 0 && entry.count! <= 200 ? Array.from({ length: entry.count! }, (_, i) => `Khu phố ${i + 1}`) : undefined);
    if (!names?.length) throw new InvalidInputError(`neighbourhoods: ${entry.wardId} needs names, or generated: true with a count from 1 to 200`);
    names.forEach((name, i) => {
      if (typeof name !== 'string' || !name.trim() || name.length > 100) throw new InvalidInputError(`neighbourhoods: ${entry.wardId} has a bad name at ${i + 1}`);
      out.push({ id: `${entry.wardId}-kp${i + 1}`, wardId: entry.wardId, name: name.trim().normalize('NFC'), order: i + 1, generated: !entry.names });
    });
  }
  return out;
}
