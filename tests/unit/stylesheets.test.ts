/**
 * The stylesheets close every block they open. A lost `}` after a merge once put the drawing
 * toolbar, the presentation type sizes and the import dialog inside a phone-only @media block:
 * the browser accepts that silently and the desktop lost its toolbar.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', 'src');

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return stylesheets(p);
    return e.name.endsWith('.css') ? [p] : [];
  });
}

/** Line numbers where a block opens at the top level but the previous top-level block never closed. */
function unclosed(css: string): { depthAtEnd: number; nestedTopLevel: number[] } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  let depth = 0;
  const nestedTopLevel: number[] = [];
  text.split('\n').forEach((line, i) => {
    // Rules inside an at-rule are indented in this codebase; an unindented rule at depth 1 is
    // a top-level rule swallowed by an unclosed block.
    if (depth === 1 && /^[.#a-z@]/i.test(line)) nestedTopLevel.push(i + 1);
    for (const ch of line) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
  });
  return { depthAtEnd: depth, nestedTopLevel };
}

describe('stylesheets', () => {
  const files = stylesheets(root);
  it('are found', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${path.relative(root, file)} closes every block at the top level`, () => {
      const r = unclosed(fs.readFileSync(file, 'utf8'));
      expect(r.nestedTopLevel, 'unindented rules inside an unclosed block').toEqual([]);
      expect(r.depthAtEnd).toBe(0);
    });
  }
});
