/**
 * The mappings shipped for the four SIS most used by California high schools, in the package's
 * presets/ folder (`--sis aeries` reads presets/aeries.json). Each is a first mapping of the
 * exports described in the project's research notes, with the field names marked there as
 * documented, seen in public code, or unverified; the README lists which is which.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SisMapping } from './sis-mapping.js';
import { readSisMapping } from './sis-mapping.js';

export const SIS_PRESETS = ['aeries', 'powerschool', 'infinite-campus', 'synergy'] as const;
export type SisPreset = (typeof SIS_PRESETS)[number];

/** The package root: the first folder above this module holding package.json (src/ or dist/src/ alike). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the SIS preset module');
    dir = up;
  }
  return dir;
}

/** Path of a preset's mapping file. */
export function presetPath(preset: SisPreset): string {
  return join(packageRoot(), 'presets', `${preset}.json`);
}

/** Reads a preset mapping. */
export function readSisPreset(preset: SisPreset): SisMapping {
  return readSisMapping(presetPath(preset));
}
