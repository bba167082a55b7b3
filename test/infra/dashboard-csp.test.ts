import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { dashboardContentSecurityPolicy } from '../../infra/dashboard-hosting.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { ensureDashboardBuilt, launchChromium, newUser } from '../e2e/support/browser.js';

/**
 * CloudFront serves the dashboard with infra/dashboard-hosting.ts's Content-Security-Policy. Here the
 * same policy is put in front of the local stack (a proxy adding the header, as CloudFront's response
 * headers policy does) and the built dashboard is driven through every screen in Chromium: a single
 * blocked script, style, worker or connection would show up as a CSP violation.
 */
describe('the Content-Security-Policy CloudFront serves', () => {
  let stack: RunningStack;
  let browser: Browser;
  let proxy: Server;
  let proxyUrl: string;
  const csp = dashboardContentSecurityPolicy('ap-southeast-1');

  beforeAll(async () => {
    ensureDashboardBuilt();
    // No demo (its load is the suite's longest wait): a live session with attendance and a concern, and a
    // coming tax round, give every screen data to draw (charts, board, agenda).
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    const admin = await stack.token('ADMIN', undefined, 'csp-seed');
    const call = async (query: string, variables: Record<string, unknown>) => expectData<any>(await stack.graphql(query, variables, admin));
    const schedule = async (input: Record<string, unknown>) => (await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input: { hostBody: 'UBND phường Tân Hưng', ...input } })).scheduleSession.id as string;
    const live = await schedule({ kind: 'PUBLIC', title: 'Đối thoại trực tiếp với nhân dân phường Tân Hưng', wardId: 'tan-hung-2025', scheduledAt: new Date().toISOString() });
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: live });
    await call('mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance } }', { input: { sessionId: live, category: 'RESIDENT', count: 42, requestId: crypto.randomUUID() } });
    await call('mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }', { input: { sessionId: live, topic: 'Ngập nước', text: 'Hẻm ngập khi triều cường.', authority: 'WARD', requestId: crypto.randomUUID() } });
    await schedule({ kind: 'BUSINESS_TAX', title: 'Đối thoại với doanh nghiệp', hostBody: 'Thuế cơ sở 7 Thành phố Hồ Chí Minh', scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    const target = new URL(stack.url);
    proxy = createServer((req, res) => {
      const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const headers = { ...answer.headers };
        if (String(headers['content-type'] ?? '').startsWith('text/html')) headers['content-security-policy'] = csp;
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    // WebSockets (graphql-ws) pass through untouched.
    proxy.on('upgrade', (req, socket, head) => {
      const upstream = connect(Number(target.port), target.hostname, () => {
        upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  it('lets the built dashboard sign in and render every screen without a single violation', async () => {
    const token = await stack.token('ADMIN', undefined, 'csp-admin');
    const { context, page } = await newUser(browser, proxyUrl, token);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`));
    });
    const served = await page.goto('/');
    expect(served?.headers()['content-security-policy']).toBe(csp);
    await page.getByTestId('viewer-role').waitFor({ timeout: 20_000 });
    for (const path of ['/wards', '/tax', '/tax/questions', '/concerns', '/reports', '/explorer', '/wallboard', '/doanh-nghiep', '/y-kien', '/']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
      await page.waitForTimeout(path === '/explorer' ? 3_000 : 500);
    }
    // A document's preview with its QR code (an image drawn as a data: URL).
    await page.goto('/tax/questions');
    await page.getByRole('button', { name: 'Bản in, tải .docx' }).click();
    await page.getByTestId('document-qr').locator('img').waitFor({ timeout: 10_000 });
    // Positive control: a request the policy forbids must be reported, or this test could not fail.
    await page.evaluate(() => fetch('https://blocked.example/probe').catch(() => undefined));
    await expect.poll(() => violations.some((v) => v.includes('blocked.example')), { timeout: 5_000 }).toBe(true);
    await context.close();
    expect(violations.filter((v) => !v.includes('blocked.example'))).toEqual([]);
  });
});
