import { readFileSync } from 'node:fs';
import { serviceName, taxOfficesFileFromEnv } from '../config.js';
import { buildTaxOffices } from '../domain/units/tax-offices.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { createTokenVerifier, tokenVerifierConfigFromEnv, type VerifyToken } from '../auth/verify-token.js';
import { createDomain, type Domain } from '../domain/index.js';
import { createStores, type TableStores } from '../store/index.js';
import { storeConfigFromEnv } from '../store/client.js';

/** What every handler builds once per cold start, from the environment. */
export interface Runtime {
  logger: Logger;
  stores: TableStores;
  domain: Domain;
  verifyToken: VerifyToken;
}

let runtime: Runtime | undefined;

export function getRuntime(): Runtime {
  if (!runtime) {
    const logger = new Logger({ serviceName: serviceName() });
    const stores = createStores(storeConfigFromEnv());
    const taxOfficesFile = taxOfficesFileFromEnv((path) => readFileSync(path, 'utf8'));
    const domain = createDomain(stores, { taxOffices: taxOfficesFile ? buildTaxOffices(taxOfficesFile) : undefined });
    runtime = { logger, stores, domain, verifyToken: createTokenVerifier(tokenVerifierConfigFromEnv()) };
  }
  return runtime;
}
