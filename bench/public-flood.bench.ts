/**
 * The public endpoint under a flood (docs/security.md, "The public endpoint"): one client (its own
 * source address, 127.0.0.2) sends opinions as fast as 50 connections allow, while another client
 * (127.0.0.3) uses the public page: reads a ward's dialogues, looks a code up, sends an opinion.
 * Measured: requests sent and refused, what was written, and the other client's latency with the flood
 * against without it (ratio within the run).
 *
 *   node --import tsx bench/public-flood.bench.ts          (FLOOD=3000 requests by default)
 */
import { request } from 'node:http';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDataDir, startStack } from '../test/support/local-stack.js';

const FLOOD = Number(process.env.FLOOD ?? 3000);
const CONCURRENCY = 50;
const SAMPLES = 100;
const WARD = 'tan-hung-2025';
const SUBMIT = 'mutation ($input: SubmitResidentInputInput!) { submitResidentInput(input: $input) { lookupCode } }';
const DIALOGUES = `query { publicDialogues(wardId: "${WARD}") { coming { id agenda { topic } } past { id answers { topic } } } }`;

function post(url: string, localAddress: string, body: unknown): Promise<{ ms: number; json: any }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(`${url}/graphql`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ ms: performance.now() - started, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};

const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dialogue-pulse-bench-'));
const stack = await startStack({ dataDir, demo: false });
const url = stack.url.replace('localhost', '127.0.0.1');
try {
  const opinion = (i: number) => ({ input: { wardId: WARD, channel: 'PUBLIC_FORM', topic: `Ý kiến ${i}`, text: 'Nội dung ý kiến.', requestId: `flood-${i}-${crypto.randomUUID()}` } });
  // The legitimate client: one opinion first (its look-up code), then the page's reads.
  const own = await post(url, '127.0.0.3', { query: SUBMIT, variables: opinion(-1) });
  const code = own.json.data.submitResidentInput.lookupCode as string;
  const sample = async () => {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const { ms, json } = await post(url, '127.0.0.3', { query: DIALOGUES });
      if (!json.data) throw new Error(`the other client was refused: ${JSON.stringify(json.errors)}`);
      times.push(ms);
    }
    return times;
  };
  await sample(); // warm-up
  const quiet = await sample();

  let sent = 0;
  let refused = 0;
  let accepted = 0;
  let other = 0;
  const flood = (async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < FLOOD) {
          const i = next++;
          sent += 1;
          const { json } = await post(url, '127.0.0.2', { query: SUBMIT, variables: opinion(i) });
          if (json.data?.submitResidentInput) accepted += 1;
          else if (json.errors?.[0]?.extensions?.reason === 'RATE_LIMITED') refused += 1;
          else other += 1;
        }
      }),
    );
  })();
  const floodStarted = performance.now();
  await new Promise((r) => setTimeout(r, 200));
  const during = await sample();
  const mine = [];
  for (let i = 0; i < 3; i++) mine.push(await post(url, '127.0.0.3', { query: SUBMIT, variables: opinion(100_000 + i) }));
  await flood;
  const floodSeconds = (performance.now() - floodStarted) / 1000;
  const stats = await post(url, '127.0.0.3', { query: `{ lookupResidentInput(code: "${code}") { status } }` });
  const token = await stack.token('ADMIN');
  const received = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: `{ ward(id: "${WARD}") { inputStats { received } } }` }) }).then((r) => r.json());

  const row = (name: string, t: number[]) => `| ${name} | ${percentile(t, 0.5).toFixed(1)} | ${percentile(t, 0.95).toFixed(1)} |`;
  console.log(`\nThe public endpoint under a flood (one stack, this machine; ${FLOOD} opinions from one client over ${CONCURRENCY} connections):\n`);
  console.log(`| flood | requests |\n|---|---|\n| sent | ${sent} |\n| refused (RATE_LIMITED) | ${refused} |\n| accepted | ${accepted} |\n| other answers | ${other} |\n| inputs the ward counts (flood + the other client's ${1 + mine.length}) | ${received.data.ward.inputStats.received} |\n| flood duration | ${floodSeconds.toFixed(1)} s (${(sent / floodSeconds).toFixed(0)} requests/s) |`);
  console.log(`\nThe other client's reads (publicDialogues of a ward; ${SAMPLES} in a row), ms:\n`);
  console.log(`| when | p50 | p95 |\n|---|---|---|\n${row('without the flood', quiet)}\n${row('during the flood', during)}`);
  console.log(`\np95 ratio during/without: ${(percentile(during, 0.95) / percentile(quiet, 0.95)).toFixed(2)}; the other client's ${mine.length} opinions during the flood: ${mine.filter((m) => m.json.data?.submitResidentInput).length} accepted; its look-up after: ${JSON.stringify(stats.json.data?.lookupResidentInput)}`);
  if (refused < Math.min(200, FLOOD - 20) || mine.some((m) => !m.json.data?.submitResidentInput)) throw new Error('the limits did not hold');
} finally {
  await stack.stop();
  removeDataDir(dataDir);
}
