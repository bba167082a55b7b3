/**
 * Configuration read from the environment at cold start. Missing configuration fails loudly here,
 * not later inside a request (the Powertools way: getStringFromEnv).
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
