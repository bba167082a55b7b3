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

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Violations we accept, each with its reason. A rule id, optionally only on elements matching a
 * selector fragment. Keep it short: every entry is a known gap.
 */
export const AXE_ALLOWED: { rule: string; target?: string; reason: string }[] = [
  {
    rule: 'color-contrast',
    target: '.graphiql',
    reason: 'GraphiQL (the explorer, a developer tool) brings its own theme; its syntax colours are not ours to change. The explorer is for analysts and has the same data through the other screens.',
  },
  {
    rule: 'scrollable-region-focusable',
    target: '.graphiql',
    reason: "GraphiQL's result pane is a CodeMirror/Monaco editor that takes focus through its own editor, not through the scroll container axe looks at.",
  },
];

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core in the page (WCAG 2.0–2.2 A and AA rules): serious and critical violations not in the allow-list. */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return (result.violations as any[]).map((v) => ({ id: v.id as string, impact: String(v.impact), help: v.help as string, targets: (v.nodes as any[]).map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, targets: v.targets.filter((target) => !AXE_ALLOWED.some((a) => a.rule === v.id && (!a.target || target.includes(a.target)))) }))
    .filter((v) => v.targets.length > 0);
}
