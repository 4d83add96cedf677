// axe-core (npm, pinned in package.json) injected into a page: the WCAG 2.0 A/AA,
// 2.1 AA and best-practice rules, with each violation summarised for the assertion
// message. Also a contrast check of the editor's own colours, which axe cannot judge
// (the coloured text is drawn behind a transparent textarea).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];

/** The violations of `page` (or a frame), one line per rule and node. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`) }));
  }, AXE_TAGS);
  return violations.flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.id} (${v.impact}) ${n}`));
}

/**
 * Contrast of every syntax token class drawn in the editor against the editor's
 * background: [{ cls, ratio }], one per class present.
 */
export function tokenContrasts(page) {
  return page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bg = rgb(getComputedStyle(document.querySelector('.code-editor')).backgroundColor);
    const seen = new Map();
    for (const el of document.querySelectorAll('.code-line [class^="tok-"], .gutter-line')) {
      const cls = el.className;
      if (!seen.has(cls)) seen.set(cls, ratio(rgb(getComputedStyle(el).color), bg));
    }
    return [...seen].map(([cls, r]) => ({ cls, ratio: Math.round(r * 100) / 100 }));
  });
}
