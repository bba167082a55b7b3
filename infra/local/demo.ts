import type { Domain } from '../../functions/domain/index.js';

/** Loads the demo dataset through the domain code when the database holds no sessions yet. */
export async function loadDemoDataIfEmpty(_domain: Domain, log: (line: string) => void): Promise<void> {
  // NOTE: the demo dataset arrives with the dialogue domain (sessions, check-ins, concerns).
  log('demo data: nothing to load yet (the dialogue domain is not built)');
}
