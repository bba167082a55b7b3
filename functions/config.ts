/**
 * Configuration read from the environment at cold start: every variable a function reads is named
 * here, and a missing or malformed one fails loudly at start, never later inside a request (the
 * Powertools way: getStringFromEnv).
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A whole number of at least `min`, or `fallback` when unset; anything else fails at start. */
export function integerEnv(name: string, fallback: number, min = 0): number {
  const raw = optionalEnv(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`Environment variable ${name} must be a whole number ≥ ${min}; it is "${raw}"`);
  return value;
}

/** The service name in every log line. */
export const serviceName = () => optionalEnv('POWERTOOLS_SERVICE_NAME') ?? 'dialogue-pulse';

/**
 * AWS SDK options for a local stand-in (DynamoDB Local, the local gateway, the local Lambda API): it
 * takes any credentials. In AWS the endpoint is left out and the function's role signs requests.
 */
export function localEndpointOptions(endpoint: string | undefined) {
  return endpoint ? { endpoint, region: optionalEnv('AWS_REGION') ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
}

/** The `publisher` function's settings (functions/handlers/publisher.ts). */
export function publisherConfigFromEnv() {
  const fanoutFunctionName = optionalEnv('FANOUT_FUNCTION_NAME');
  return {
    tableName: requireEnv('TABLE_NAME'),
    managementEndpoint: requireEnv('WS_MANAGEMENT_ENDPOINT'),
    /** Posts in flight at once: in AWS a post is a network round trip (~10–30 ms), so many keep one invocation busy. */
    concurrency: integerEnv('PUBLISHER_CONCURRENCY', 128, 1),
    /** The `fanout` function that posts a large topic's chunks, and the local Lambda API standing in for AWS's. */
    fanout: fanoutFunctionName ? { functionName: fanoutFunctionName, endpoint: optionalEnv('LAMBDA_ENDPOINT') } : undefined,
    /** A message to more connections than this is posted in chunks of fanoutChunkSize by `fanout`. */
    fanoutThreshold: integerEnv('FANOUT_THRESHOLD', 500, 1),
    fanoutChunkSize: integerEnv('FANOUT_CHUNK_SIZE', 250, 1),
    /** Conflated events (sessions, concerns) published at the same time. */
    itemsInParallel: integerEnv('PUBLISHER_ITEMS_IN_PARALLEL', 8, 1),
    /** Time kept in hand before the function's timeout (one session's fan-out must fit in it). */
    deadlineMarginMs: integerEnv('PUBLISHER_DEADLINE_MARGIN_MS', 10_000),
  };
}

/** The `fanout` function's settings (functions/handlers/fanout.ts). */
export function fanoutConfigFromEnv() {
  return { managementEndpoint: requireEnv('WS_MANAGEMENT_ENDPOINT'), concurrency: integerEnv('FANOUT_CONCURRENCY', 128, 1) };
}

/**
 * TAX_OFFICES_FILE: the jurisdiction's tax offices through time, a JSON file in the shape of
 * functions/data/tax-offices.json (default: that file). Read once at cold start; a broken file fails here.
 */
export function taxOfficesFileFromEnv(read: (path: string) => string): unknown {
  const path = optionalEnv('TAX_OFFICES_FILE');
  return path ? JSON.parse(read(path)) : undefined;
}
