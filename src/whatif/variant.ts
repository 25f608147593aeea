/**
 * What-if variants: a full scenario, or an RFC 6902 JSON Patch against the base scenario. Every
 * operation of a patch is checked and every bad one is reported with its JSON path before
 * anything is solved; the patched scenario then passes the usual schema and cross-reference checks.
 */
import { basename } from 'node:path';
import { parseJsonText, parseScenario, readTextFile } from '../scenario/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { applyOperation, PatchProblem } from './json-patch.js';

/** One scenario to compare, named for the table. */
export interface Variant {
  readonly name: string;
  readonly scenario: Scenario;
}

/** What a patch file holds, and how to write one. */
const PATCH_IS_AN_ARRAY = 'a JSON Patch is an array of operations (RFC 6902)';
const PATCH_FIX = 'write [{"op": "replace", "path": "/teachers/3/maxSections", "value": 6}, …]: operations inside [ ], even a single one';

/**
 * Applies a JSON Patch to `base` (which is not modified), checking each operation in turn so
 * that every bad one is reported (with `[i]` and its JSON pointer), not just the first. Any key
 * works, `__proto__` and `constructor` included.
 * @throws {@link InputError} listing every bad operation.
 */
export function applyPatch(base: unknown, patch: unknown, source: string): unknown {
  if (!Array.isArray(patch)) {
    const one = typeof patch === 'object' && patch !== null && 'op' in patch ? ': this file holds a single operation without the [ ] around it' : '';
    throw new InputError(source, [{ path: '', message: `${PATCH_IS_AN_ARRAY}${one}`, fix: PATCH_FIX }]);
  }
  let doc: unknown = base;
  const problems: InputProblem[] = [];
  patch.forEach((op: unknown, i) => {
    try {
      doc = applyOperation(doc, op);
    } catch (err: unknown) {
      if (!(err instanceof PatchProblem)) throw err;
      const pointer = typeof op === 'object' && op !== null && typeof (op as { path?: unknown }).path === 'string' ? (op as { path: string }).path : '';
      problems.push({ path: `[${i}]${pointer ? ` (${pointer})` : ''}`, message: err.message, fix: 'correct or remove this operation' });
    }
  });
  if (problems.length > 0) throw new InputError(source, problems);
  return doc;
}

/** The variant's name from its file: `v2.patch.json` → `v2`. */
export function variantName(file: string): string {
  return basename(file)
    .replace(/\.json$/i, '')
    .replace(/\.patch$/i, '');
}

/**
 * A variant from a value read from a file: an array is a JSON Patch against `baseInput` (the base
 * scenario as written), an object a full scenario.
 * @throws {@link InputError} for a bad patch or an invalid scenario.
 */
export function variantFromJson(baseInput: unknown, json: unknown, source: string, name = variantName(source)): Variant {
  // A file named *.patch.json, or one operation without its [ ], is a patch however it is written.
  const looksLikePatch =
    /\.patch\.json$/i.test(source) || (typeof json === 'object' && json !== null && !Array.isArray(json) && 'op' in json && 'path' in json);
  if (typeof json !== 'object' || json === null)
    throw new InputError(source, [
      {
        path: '',
        message: 'a variant file holds a whole scenario { … } or a JSON Patch [ … ] against the base',
        fix: 'give a scenario file, or a *.patch.json file of operations',
      },
    ]);
  if (Array.isArray(json) || looksLikePatch)
    return { name, scenario: parseScenario(applyPatch(baseInput, json, source), `${source} (base with the patch applied)`) };
  return { name, scenario: parseScenario(json, source) };
}

/** Reads a variant file. @throws {@link InputError} */
export function readVariantFile(baseInput: unknown, file: string): Variant {
  return variantFromJson(baseInput, parseJsonText(readTextFile(file), file), file);
}
