import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = join(root, 'test-output/screenshots');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Builds dashboard/dist when its sources are newer than the last build (the test stack starts with
 * SKIP_DASHBOARD_BUILD=1). Under a lock: two test files may ask at once.
 */
export function ensureDashboardBuilt() {
  const dist = join(root, 'dashboard/dist/index.html');
  const sources = Math.max(newestMtime(join(root, 'dashboard/src')), newestMtime(join(root, 'dashboard/public')), newestMtime(join(root, 'dashboard/index.html')), newestMtime(join(root, 'dashboard/y-kien')), newestMtime(join(root, 'dashboard/doanh-nghiep')), newestMtime(join(root, 'dashboard/vite.config.ts')));
  if (newestMtime(dist) >= sources) return;
  // NOTE: vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const result = spawnSync('flock', ['/tmp/dp-dashboard-build.lock', 'npx', 'vite', 'build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('the dashboard build failed (see above)');
}

/** Debian's Chromium, headless, with the flags that keep it quiet on a machine without network (TOOLCHAIN.md). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: apt-get install -y chromium');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (its own localStorage), signed in with a token the stack minted, or signed out. */
export async function newUser(browser: Browser, baseURL: string, token?: string, language?: 'vi' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  if (token || language) {
    await context.addInitScript(
      ([value, lang]) => {
        // Only on the first page load of the context: a later sign-out must stick.
        if (sessionStorage.getItem('dp.e2e.seeded')) return;
        sessionStorage.setItem('dp.e2e.seeded', '1');
        if (value) localStorage.setItem('dp.token', value);
        if (lang) localStorage.setItem('dp.language', lang);
      },
      [token ?? '', language ?? ''] as const,
    );
  }
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
