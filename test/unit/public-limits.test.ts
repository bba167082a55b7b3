import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPublicLimits, PUBLIC_OPERATIONS, PUBLIC_RATE_LIMITS } from '../../functions/domain/access/public-limits.js';
import type { RateLimitRule } from '../../functions/domain/kernel/ports.js';

describe('the public endpoint’s limits', () => {
  it('are the figures docs/security.md states, limit by limit and operation by operation', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\s*\| `(public-[a-z]+)` \| (.+?) \| (\d+) per [^|]*?\((\d+) s\) \|$/gm)];
    const stated = rows.map(([, name, operations, points, seconds]) => ({
      name,
      operations: [...operations.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort(),
      points: Number(points),
      durationSeconds: Number(seconds),
    }));
    const operationsOf = (limit: string) =>
      Object.entries({ ...PUBLIC_OPERATIONS.query, ...PUBLIC_OPERATIONS.mutation })
        .filter(([, l]) => l === limit)
        .map(([operation]) => operation)
        .sort();
    const inCode = Object.entries(PUBLIC_RATE_LIMITS).map(([limit, rule]) => ({ ...rule, operations: operationsOf(limit) }));
    expect(stated).toEqual(expect.arrayContaining(inCode));
    expect(stated).toHaveLength(inCode.length);
  });

  it('counts each public operation against its own limit and refuses an operation that is not public', async () => {
    const consumed: [RateLimitRule, string][] = [];
    const limits = createPublicLimits({ consume: async (rule, client) => void consumed.push([rule, client]) });
    await limits.consume('submitTaxQuestion', 'client-a');
    await limits.consume('publicWards', 'client-b');
    expect(consumed).toEqual([
      [PUBLIC_RATE_LIMITS.submit, 'client-a'],
      [PUBLIC_RATE_LIMITS.read, 'client-b'],
    ]);
    await expect(limits.consume('sessions', 'client-a')).rejects.toThrow(/sessions is not a public operation/);
  });
});
