import { jarDirectory } from '../infra/local/dynamodb-local.js';

/** Fetches DynamoDB Local once (the first run after `npm ci`), before the test files start their stacks in parallel. */
export default function setup(): void {
  jarDirectory();
}
