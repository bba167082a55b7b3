import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocket as PageWebSocket } from 'playwright-core';
import { OIDC_TEST_PASSWORD } from '../../infra/local/oidc-users.js';
import { expectData, removeDataDir, startStack, type RunningStack } from '../support/local-stack.js';
import { claimsOf, refreshTokens, signInThroughProvider, type OidcTokens } from '../support/oidc-client.js';
import { tableOf } from '../support/realtime-clients.js';
import { ensureDashboardBuilt, launchChromium, newUser, screenshot } from './support/browser.js';

/** ID and access tokens live this long here (Cognito: 1 h); oidc-client-ts renews 60 s before expiry. */
const TOKEN_TTL_SECONDS = 80;

// The production sign-in, for real: the dashboard with `auth.kind: "cognito"` (oidc-client-ts, code +
// PKCE) against the local OpenID Connect provider that stands in for Cognito (AUTH=oidc npm start),
// the API verifying that provider's tokens. Debian's Chromium, the real local stack.
describe('the production sign-in path in Chromium (AUTH=oidc)', () => {
  let stack: RunningStack;
  let browser: Browser;
  let issuer: string;
  let admin: OidcTokens;

  const adminToken = async () => {
    if (claimsOf(admin.id_token).exp - Date.now() / 1000 < 40) admin = { ...admin, ...(await refreshTokens(issuer, admin.refresh_token!)) };
    return admin.id_token;
  };

  beforeAll(async () => {
    ensureDashboardBuilt();
    [stack, browser] = await Promise.all([startStack({ env: { AUTH: 'oidc', OIDC_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS) } }), launchChromium()]);
    issuer = stack.oidcIssuer!;
    admin = await signInThroughProvider(issuer, stack.url, 'quantri');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) removeDataDir(stack.dataDir);
  });

  /** From the dashboard's sign-in button, through the provider's own login page, back to the dashboard. */
  const signIn = async (page: Page, username: string) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cơ quan' }).click();
    await page.waitForURL((url) => url.toString().startsWith(`${issuer}/interaction/`));
    await page.getByLabel('Tên đăng nhập / Username').fill(username);
    await page.getByLabel('Mật khẩu / Password').fill(OIDC_TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();
    await page.waitForURL((url) => url.toString().startsWith(stack.url) && !url.pathname.startsWith('/auth/callback'));
  };

  it('signs in through the provider\'s login page and lands on the screen for the role (two groups: the most capable wins)', async () => {
    const expected: [string, string, boolean][] = [
      ['lanhdao', 'Lãnh đạo', false],
      ['phuong.tan-hung-2025', 'Cán bộ phường · Tân Hưng', true],
      ['thue', 'Cán bộ cơ quan thuế', true],
      ['hainhom', 'Cán bộ cơ quan thuế', true],
    ];
    for (const [username, shown, logs] of expected) {
      const { context, page } = await newUser(browser, stack.url);
      await signIn(page, username);
      await expect.poll(() => page.getByTestId('viewer-role').textContent(), { timeout: 15_000 }).toBe(shown);
      await page.getByTestId('kpi-tiles').waitFor();
      expect(await page.getByRole('link', { name: 'Ghi nhận' }).count(), username).toBe(logs ? 1 : 0);
      if (username === 'phuong.tan-hung-2025') await screenshot(page, 'oidc-signed-in-ward-officer');
      // The dashboard holds the provider's ID token (the API's bearer), not the access token.
      const stored = await page.evaluate(() => localStorage.getItem('dp.token'));
      expect(claimsOf(stored!)).toMatchObject({ iss: issuer, token_use: 'id', 'cognito:username': username });
      await context.close();
    }
  });

  it('tells a user in no group to ask an administrator, and fetches no data', async () => {
    const { context, page } = await newUser(browser, stack.url);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') apiCalls.push(request.method());
    });
    const sockets: PageWebSocket[] = [];
    page.on('websocket', (socket) => sockets.push(socket));
    await signIn(page, 'chuaconhom');
    await page.getByTestId('no-group').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/đề nghị quản trị viên thêm bạn vào một nhóm/);
    await page.getByTestId('language-switch').click();
    expect(await page.getByRole('alert').textContent()).toMatch(/Ask an administrator to add you to a group/);
    await screenshot(page, 'oidc-no-group');
    expect(await page.getByTestId('kpi-tiles').count()).toBe(0);
    expect(apiCalls).toEqual([]);
    expect(sockets.filter((s) => s.url().endsWith('/graphql'))).toEqual([]);
    // Signing out works from there too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: /Sign in with your organisation account|Đăng nhập bằng tài khoản cơ quan/ }).waitFor();
    await context.close();
  });

  it('renews the token silently before it expires and moves the open WebSocket to it without losing a live update; sign-out clears the session and the socket', async () => {
    const call = async (query: string, variables: Record<string, unknown>) => expectData<any>(await stack.graphql(query, variables, await adminToken()));
    const { scheduleSession } = await call('mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
      input: { kind: 'PUBLIC', title: 'Đối thoại kiểm tra gia hạn phiên đăng nhập', wardId: 'tan-hung-2025', hostBody: 'UBND phường Tân Hưng', scheduledAt: new Date().toISOString() },
    });
    const sessionId = scheduleSession.id as string;
    await call('mutation ($id: ID!) { startSession(id: $id) { id } }', { id: sessionId });

    const { context, page } = await newUser(browser, stack.url);
    const sockets: { socket: PageWebSocket; closed: boolean }[] = [];
    /** Every attendanceChanged for our session (the ward page's subscription), as it came over any of the page's sockets. */
    const received: { delta: number; attendance: number; at: string }[] = [];
    page.on('websocket', (socket) => {
      if (!socket.url().endsWith('/graphql')) return;
      const entry = { socket, closed: false };
      sockets.push(entry);
      socket.on('close', () => (entry.closed = true));
      // A socket still opening when the page leaves is aborted: Chromium reports an error, not a close.
      socket.on('socketerror', () => (entry.closed = true));
      socket.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload));
        const update = message.type === 'next' ? message.payload?.data?.attendanceChanged : undefined;
        if (update?.session?.id === sessionId) received.push({ delta: update.delta, attendance: update.attendance, at: update.at });
      });
    });
    await signIn(page, 'lanhdao');
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
    const firstToken = (await page.evaluate(() => localStorage.getItem('dp.token')))!;
    // The ward's page follows its check-ins one by one (the overview follows the summary): go there
    // in the app, on the same socket.
    await page.locator('tr[data-ward="tan-hung-2025"] a').first().click();
    await page.getByRole('heading', { name: /Tân Hưng/ }).first().waitFor();
    const table = tableOf(stack);
    await table.waitForSubscriptions('ATTENDANCE#WARD#tan-hung-2025', 1);
    table.close();
    expect(sockets).toHaveLength(1);

    // Check-ins keep coming while the token is renewed and the socket moves.
    let checkIns = 0;
    let stopped = false;
    const checkingIn = (async () => {
      while (!stopped) {
        await call('mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance } }', { input: { sessionId, category: 'RESIDENT', count: 1, requestId: crypto.randomUUID() } });
        checkIns++;
        await new Promise((r) => setTimeout(r, 400));
      }
    })();
    // oidc-client-ts renews 60 s before expiry, with the refresh token; the dashboard then opens a
    // second socket with the new token and closes the first once the second delivers.
    await expect.poll(() => sockets.length, { timeout: TOKEN_TTL_SECONDS * 1000 }).toBe(2);
    await expect.poll(() => sockets[0]!.closed, { timeout: 45_000 }).toBe(true);
    expect(sockets[1]!.closed).toBe(false);
    await new Promise((r) => setTimeout(r, 2_000));
    stopped = true;
    await checkingIn;

    const renewedToken = (await page.evaluate(() => localStorage.getItem('dp.token')))!;
    expect(claimsOf(renewedToken).iat).toBeGreaterThan(claimsOf(firstToken).iat);
    expect(claimsOf(renewedToken).sub).toBe(claimsOf(firstToken).sub);
    const finalAttendance = checkIns;
    // Every check-in reached the page: the updates (each once, whichever socket carried it) add up to all of them.
    await expect
      .poll(() => {
        const distinct = new Map(received.map((u) => [JSON.stringify(u), u]));
        return [...distinct.values()].reduce((sum, u) => sum + u.delta, 0);
      }, { timeout: 15_000 })
      .toBe(checkIns);
    expect(Math.max(...received.map((u) => u.attendance))).toBe(finalAttendance);
    expect(await page.getByTestId('live-status').getAttribute('data-status')).toBe('live');
    expect(await page.getByTestId('viewer-role').textContent()).toBe('Lãnh đạo');

    // Sign out: through the provider's /logout, back to the dashboard's sign-in, nothing left behind.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cơ quan' }).waitFor();
    await expect.poll(() => sockets.every((s) => s.closed), { timeout: 10_000 }).toBe(true);
    // …and the server has forgotten the connection and its subscriptions.
    const tableAfter = tableOf(stack);
    await expect.poll(async () => (await tableAfter.subscriptionsOn('ATTENDANCE#WARD#tan-hung-2025')).length, { timeout: 10_000 }).toBe(0);
    tableAfter.close();
    const left = await page.evaluate(() => Object.keys(localStorage).filter((key) => key === 'dp.token' || key.startsWith('oidc.')));
    expect(left, 'what the browser still holds after sign-out').toEqual([]);
    // The provider's session is gone too: signing in asks for the password again.
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cơ quan' }).click();
    await page.waitForURL((url) => url.toString().startsWith(`${issuer}/interaction/`));
    await page.getByLabel('Mật khẩu / Password').waitFor();
    await context.close();
  }, 240_000);
});
