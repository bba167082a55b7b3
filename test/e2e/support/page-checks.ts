import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../../..');
/** Screenshots a reviewer looks at (git-ignored). */
export const VISUAL_DIR = join(root, 'test-output/visual');

export const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1440, height: 900 },
  tv: { width: 1920, height: 1080 },
  small: { width: 1280, height: 720 },
  uhd: { width: 3840, height: 2160 },
} as const;
export type SizeName = keyof typeof SIZES;

export interface Overflow {
  element: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Text that does not fit its box, measured in the page: every element that holds text of its own and
 * is laid out as a box (not inline, not a form control, not meant to scroll or to be visually hidden)
 * must have scrollWidth ≤ clientWidth; and the page itself must not scroll sideways.
 */
export async function textOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { element: string; text: string; scrollWidth: number; clientWidth: number }[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) found.push({ element: 'html (the page scrolls sideways)', text: '', scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth });
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('svg, .graphiql-container, [hidden]')) continue;
      if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'SCRIPT', 'STYLE', 'BR'].includes(el.tagName)) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') continue;
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.clientWidth <= 1 || style.clip !== 'auto' && style.position === 'absolute') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        found.push({ element: describe(el), text: (el.textContent ?? '').trim().slice(0, 60), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }
    return found;
  });
}

export async function shoot(page: Page, name: string, fullPage = true) {
  mkdirSync(VISUAL_DIR, { recursive: true });
  await page.screenshot({ path: join(VISUAL_DIR, `${name}.png`), fullPage });
}

/**
 * Violations we accept, each with its reason: a rule, on elements inside `within` (a CSS selector).
 * Keep it short: every entry is a known gap, listed in dashboard/README.md.
 */
export const AXE_ALLOWED: { rule: string; within: string; reason: string }[] = [
  {
    rule: 'color-contrast',
    within: '.graphiql-container',
    reason: "The explorer's editor (GraphiQL with Monaco, third-party) draws the line numbers of inactive lines dimmed on purpose; the explorer is a developer tool and its data is on the other screens too.",
  },
  {
    rule: 'nested-interactive',
    within: '.graphiql-container',
    reason: "GraphiQL's tabs (role=tab) hold their own close button; changing that means forking GraphiQL.",
  },
  {
    rule: 'target-size',
    within: '.graphiql-container',
    reason: "GraphiQL's tab close button is 16 px; the tab itself (the larger target) does the same when closed from the keyboard.",
  },
];

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core in the page (WCAG 2.0–2.2 A and AA rules): serious and critical violations not in the allow-list. */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (allowed) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    const isAllowed = (rule: string, target: string[]) => {
      const element = target.length === 1 ? document.querySelector(target[0]!) : null;
      return allowed.some((a) => a.rule === rule && !!element?.closest(a.within));
    };
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id as string, impact: String(v.impact), help: v.help as string, targets: (v.nodes as any[]).filter((n) => !isAllowed(v.id, n.target)).map((n) => JSON.stringify(n.target)) }))
      .filter((v) => v.targets.length > 0);
  }, AXE_ALLOWED);
}
