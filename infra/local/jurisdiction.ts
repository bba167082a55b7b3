import type { Jurisdiction } from '../../functions/domain/units/wards.js';

/**
 * The jurisdiction `npm start` serves (README, "Jurisdictions"):
 * - JURISDICTION=79: a province or centrally-run city of 1/7/2025 by its code, with the units it was
 *   formed from; JURISDICTION=79:27475,27478: some of its units (infra/units/national.ts);
 *   JURISDICTION_NAME overrides the name made from the data;
 * - UNITS_FILE: a list of units in a file (infra/units-file.ts), for lists the national reference lacks;
 * - neither: the demo's area, the four wards formed from former District 7 (functions/data/units.json).
 * `demoArea` says whether the demo's wards are all part of it, so the demo's records have their units.
 */
export async function chooseJurisdiction(log: (line: string) => void): Promise<{ jurisdiction?: Jurisdiction; demoArea: boolean }> {
  const spec = process.env.JURISDICTION;
  const unitsFile = process.env.UNITS_FILE;
  if (spec && unitsFile) throw new Error('JURISDICTION and UNITS_FILE name the jurisdiction twice: set one of them');
  if (!spec && !unitsFile) return { demoArea: true };
  const started = performance.now();
  const name = process.env.JURISDICTION_NAME;
  let jurisdiction: Jurisdiction;
  if (spec) {
    const { jurisdictionFromSpec } = await import('../units/national.js');
    jurisdiction = jurisdictionFromSpec(spec, name ? { name } : {});
  } else {
    const { loadUnitsFile } = await import('../units-file.js');
    jurisdiction = loadUnitsFile(unitsFile!, { name: name ?? process.env.UNITS_NAME, validFrom: process.env.UNITS_VALID_FROM });
  }
  const formed = jurisdiction.units.filter((u) => !u.validTo).length;
  log(`units: ${jurisdiction.name}, ${formed} units in force and ${jurisdiction.units.length - formed} former (${spec ? `JURISDICTION=${spec}` : `from ${unitsFile}`}), built in ${Math.round(performance.now() - started)} ms`);
  const { readArea } = await import('../units/national.js');
  const ids = new Set(jurisdiction.units.map((u) => u.id));
  return { jurisdiction, demoArea: readArea().order.every((id) => ids.has(id)) };
}
