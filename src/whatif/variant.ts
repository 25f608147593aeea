/**
 * What-if variants: a full scenario, or an RFC 6902 JSON Patch against the base scenario. Every
 * operation of a patch is checked and every bad one is reported with its JSON path before
 * anything is solved; the patched scenario then passes the usual schema and cross-reference checks.
 */
import { basename } from 'node:path';
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { parseJsonText, parseScenario, readTextFile } from '../scenario/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';

/** One scenario to compare, named for the table. */
export interface Variant {
  readonly name: string;
  readonly scenario: Scenario;
}

const PATCH_WORDS: Readonly<Record<string, string>> = {
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist in the scenario',
  OPERATION_OP_INVALID: 'op must be one of add, remove, replace, move, copy, test',
  OPERATION_PATH_INVALID: 'path must be a JSON pointer such as /teachers/3/maxSections',
  OPERATION_FROM_UNRESOLVABLE: 'from names a path that does not exist',
  OPERATION_VALUE_REQUIRED: 'this op needs a value',
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: 'the value contains undefined',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'an array index in the path is not a number',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the array index is past the end of the array',
  OPERATION_NOT_AN_OBJECT: 'each operation must be an object',
  TEST_OPERATION_FAILED: 'the test operation does not match the base scenario',
};

/**
 * Applies a JSON Patch to a copy of `base`, checking each operation in turn so that every bad
 * one is reported (with `[i]` and its JSON pointer), not just the first.
 * @throws {@link InputError} listing every bad operation.
 */
export function applyPatch(base: unknown, patch: unknown, source: string): unknown {
  if (!Array.isArray(patch)) throw new InputError(source, [{ path: '', message: 'a JSON Patch must be an array of operations', fix: 'write [{"op": "replace", "path": "/…", "value": …}, …] (RFC 6902)' }]);
  let doc: unknown = jsonpatch.deepClone(base);
  const problems: InputProblem[] = [];
  patch.forEach((op: unknown, i) => {
    const error = jsonpatch.validate([op as Operation], doc);
    if (error) {
      const pointer = typeof op === 'object' && op !== null && typeof (op as { path?: unknown }).path === 'string' ? (op as { path: string }).path : '';
      problems.push({ path: `[${i}]${pointer ? ` (${pointer})` : ''}`, message: PATCH_WORDS[error.name] ?? error.message.split('\n')[0] ?? error.name, fix: 'correct or remove this operation' });
      return;
    }
    doc = jsonpatch.applyPatch(doc, [op as Operation], false, false).newDocument;
  });
  if (problems.length > 0) throw new InputError(source, problems);
  return doc;
}

/** The variant's name from its file: `v2.patch.json` → `v2`. */
export function variantName(file: string): string {
  return basename(file).replace(/\.json$/i, '').replace(/\.patch$/i, '');
}

/**
 * A variant from a value read from a file: an array is a JSON Patch against `baseInput` (the base
 * scenario as written), an object a full scenario.
 * @throws {@link InputError} for a bad patch or an invalid scenario.
 */
export function variantFromJson(baseInput: unknown, json: unknown, source: string, name = variantName(source)): Variant {
  if (Array.isArray(json)) return { name, scenario: parseScenario(applyPatch(baseInput, json, source), `${source} (base with the patch applied)`) };
  return { name, scenario: parseScenario(json, source) };
}

/** Reads a variant file. @throws {@link InputError} */
export function readVariantFile(baseInput: unknown, file: string): Variant {
  return variantFromJson(baseInput, parseJsonText(readTextFile(file), file), file);
}
