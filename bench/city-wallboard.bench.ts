/**
 * The city wallboard's first screen (docs/performance.md, "City scale", issue 21): Ho Chi Minh City from the national
 * reference (JURISDICTION=79: 168 units in force, 442 former), 20 dialogues LIVE in 20 of them, the wallboard
 * opened in Debian's Chromium at 1920×1080 in a fresh profile, RUNS times. "First screen": from
 * navigation start until the page holds all 168 tiles with the 20 live ones (a MutationObserver).
 *
 *   node --import tsx bench/city-wallboard.bench.ts     env: BENCH_RUNS (7)
 */
import { loadavg } from 'node:os';
import { removeDataDir, startStack } from '../test/support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser } from '../test/e2e/support/browser.js';
import { checkIn, startLiveSession } from '../test/support/realtime-clients.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

ensureDashboardBuilt();
const stack = await startStack({ env: { JURISDICTION: '79', SKIP_DASHBOARD_BUILD: '1' } });
const browser = await launchChromium();
const firstScreen: number[] = [];
try {
  const admin = await stack.token('ADMIN');
  const { wards } = (await stack.graphql('{ wards { id validTo } }', {}, admin)).body.data as { wards: { id: string; validTo: string | null }[] };
  const units = wards.filter((w) => !w.validTo).map((w) => w.id);
  for (const wardId of units.filter((_, i) => i % 8 === 3).slice(0, 20)) await checkIn(stack, admin, await startLiveSession(stack, admin, { wardId }), 5);
  const token = await stack.token('LEADERSHIP');
  const summaryMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await stack.graphql('{ summary { attendance wards { ward { id } attendance } live { attendance } } }', {}, token);
    summaryMs.push(performance.now() - t);
  }
  console.log(`${units.length} units, 20 live; the all-time summary over HTTP: median ${median(summaryMs).toFixed(0)} ms; load ${loadavg()[0].toFixed(2)}`);
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newUser(browser, stack.url, token);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await context.addInitScript(() => {
      const marks = ((window as any).__marks = {} as Record<string, number>);
      new MutationObserver(() => {
        if (!marks.grid && document.querySelectorAll('[data-testid="unit-grid"] li[data-unit]').length === 168 && document.querySelectorAll('li[data-live="true"]').length === 20) marks.grid = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto('/wallboard');
    await page.waitForFunction(() => (window as any).__marks?.grid, undefined, { timeout: 120_000 });
    firstScreen.push(await page.evaluate(() => (window as any).__marks.grid as number));
    await context.close();
  }
  console.log(`city wallboard, navigation → 168 tiles with 20 live: median ${median(firstScreen).toFixed(0)} ms, max ${Math.max(...firstScreen).toFixed(0)} ms over ${RUNS} fresh profiles (load ${loadavg()[0].toFixed(2)})`);
} finally {
  await browser.close();
  await stack.stop();
  removeDataDir(stack.dataDir);
}
