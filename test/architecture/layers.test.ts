/**
 * Imports only point down (issue 10, item 5). Each folder of src/ sits on a layer; a module may
 * import from its own layer or a lower one, never from a higher one, so a climbing import fails
 * here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

/** Lowest first. Folders on one line are one layer: scenario and calendar describe the school together. */
const LAYERS: readonly (readonly string[])[] = [
  ['scenario', 'calendar'],
  ['solution', 'generate'],
  ['checker'],
  ['explain'],
  ['model'],
  ['loading'],
  ['board', 'bound'],
  ['report'],
  ['engine'],
  ['io'],
  ['html'],
  ['whatif'],
  ['queue'],
  ['compare'],
  ['analysis', 'cli'],
];

/** Known climbs, each with why it stays: none today. */
const ALLOWED = new Set<string>();

const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The src/ folder a path lies in, or undefined for src/index.ts and paths outside src/. */
function folderOf(path: string): string | undefined {
  const rel = relative(src, path);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Every `from '…'` and `import('…')` specifier of a module that points into src/. */
function climbs(): string[] {
  const found: string[] = [];
  for (const file of files(src)) {
    const from = folderOf(file);
    if (from === undefined) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), m[1] ?? ''));
      if (to === undefined || to === from) continue;
      const a = layerOf.get(from);
      const b = layerOf.get(to);
      if (a === undefined || b === undefined) {
        found.push(`${relative(src, file)}: folder ${a === undefined ? from : to} has no layer in test/architecture/layers.test.ts`);
        continue;
      }
      if (b > a && !ALLOWED.has(`${from} -> ${to}`)) found.push(`${relative(src, file)} imports ${m[1] ?? ''} (${from} is below ${to})`);
    }
  }
  return found;
}

describe('layers', () => {
  it('every folder of src/ has a layer and no import climbs one', () => {
    expect(climbs()).toEqual([]);
  });
});
