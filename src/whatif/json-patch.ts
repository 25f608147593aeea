/**
 * RFC 6902 JSON Patch on JSON values, with RFC 6901 pointers. Written here because a school's
 * ids are keys (`alternates`, `priorities`, `enrollments`): fast-json-patch refuses a `__proto__`
 * key outright and, allowed, would set an object's prototype instead of adding the key. Every
 * key is an own property here, and a document is never modified: an operation copies the
 * objects and lists along the path it changes and shares the rest.
 */
import { isDeepStrictEqual } from 'node:util';

export type JsonOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string };

/** Why an operation cannot apply, in a person's words. */
export class PatchProblem extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `/teachers/3/maxSections` → `['teachers', '3', 'maxSections']` (`~1` is `/`, `~0` is `~`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchProblem('a path is a JSON pointer starting with "/", such as /teachers/3/maxSections');
  return pointer
    .slice(1)
    .split('/')
    .map((t) => {
      if (/~[^01]|~$/.test(t)) throw new PatchProblem(`"~" in a path is written ~0, and "/" inside a key ~1 ("${t}")`);
      return t.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** Sets an own property, even one named `__proto__`. */
const put = (o: Record<string, unknown>, k: string, value: unknown) =>
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });

/** A shallow copy of an object or list (objects keep every key as an own property). */
function shallow<T>(value: T): T {
  if (Array.isArray(value)) return [...value] as T;
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) put(out, k, value[k]);
  return out as T;
}

/** A deep copy of a JSON value (for values taken from the patch or moved within the document). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) put(out, k, clone(value[k]));
    return out;
  }
  return value;
}

function arrayIndex(list: readonly unknown[], token: string, forAdd: boolean): number {
  if (forAdd && token === '-') return list.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new PatchProblem(`"${token}" is not an array index (0, 1, 2, …${forAdd ? ' or - for the end' : ''})`);
  const i = Number(token);
  if (i > list.length || (!forAdd && i === list.length)) throw new PatchProblem(`index ${i} is past the end of a list of ${list.length}`);
  return i;
}

/** The value at `tokens`. */
function get(doc: unknown, tokens: readonly string[]): unknown {
  let at = doc;
  for (const t of tokens) {
    if (Array.isArray(at)) at = at[arrayIndex(at, t, false)];
    else if (isObject(at) && has(at, t)) at = at[t];
    else throw new PatchProblem(`the path does not exist in the scenario (no "${t}")`);
  }
  return at;
}

/** A new document with the value at `tokens` changed by `change`, on copies of the objects along the path. */
function edit(doc: unknown, tokens: readonly string[], change: (parent: Record<string, unknown> | unknown[], key: string) => void): unknown {
  const last = tokens.at(-1);
  if (last === undefined) throw new PatchProblem('the whole document cannot be changed this way');
  const root = shallow(doc);
  let parent: unknown = root;
  for (const t of tokens.slice(0, -1)) {
    let child: unknown;
    if (Array.isArray(parent)) {
      const i = arrayIndex(parent, t, false);
      child = shallow(parent[i]);
      parent[i] = child;
    } else if (isObject(parent) && has(parent, t)) {
      child = shallow(parent[t]);
      put(parent, t, child);
    } else throw new PatchProblem(`the path does not exist in the scenario (no "${t}")`);
    parent = child;
  }
  if (!Array.isArray(parent) && !isObject(parent)) throw new PatchProblem('the path goes through a value that is neither an object nor a list');
  change(parent, last);
  return root;
}

function add(doc: unknown, tokens: readonly string[], value: unknown): unknown {
  if (tokens.length === 0) return clone(value);
  return edit(doc, tokens, (parent, key) => {
    if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, clone(value));
    else put(parent, key, clone(value));
  });
}

function remove(doc: unknown, tokens: readonly string[]): unknown {
  return edit(doc, tokens, (parent, key) => {
    if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- JSON Patch `remove` deletes the member its path names from a plain JSON object (RFC 6902 4.2); the document is not ours to turn into a Map
    else if (has(parent, key)) delete parent[key];
    else throw new PatchProblem(`the path does not exist in the scenario (no "${key}")`);
  });
}

/**
 * Applies one operation to a JSON document, returning a new document.
 * @throws {@link PatchProblem} saying why it cannot apply.
 */
export function applyOperation(doc: unknown, operation: unknown): unknown {
  if (!isObject(operation)) throw new PatchProblem('each operation is an object such as {"op": "replace", "path": "/name", "value": "v2"}');
  const { op, path, from } = operation;
  if (typeof op !== 'string' || !['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op))
    throw new PatchProblem('"op" must be one of add, remove, replace, move, copy, test');
  if (typeof path !== 'string') throw new PatchProblem('"path" must be a JSON pointer such as /teachers/3/maxSections');
  const tokens = parsePointer(path);
  const needsValue = op === 'add' || op === 'replace' || op === 'test';
  if (needsValue && !has(operation, 'value')) throw new PatchProblem(`this "${op}" operation needs a "value"`);
  if ((op === 'move' || op === 'copy') && typeof from !== 'string') throw new PatchProblem(`this "${op}" operation needs "from", a JSON pointer`);
  switch (op) {
    case 'add':
      return add(doc, tokens, operation['value']);
    case 'remove':
      return remove(doc, tokens);
    case 'replace':
      get(doc, tokens);
      if (tokens.length === 0) return clone(operation['value']);
      return edit(doc, tokens, (parent, key) => {
        if (Array.isArray(parent)) parent[arrayIndex(parent, key, false)] = clone(operation['value']);
        else put(parent, key, clone(operation['value']));
      });
    case 'test':
      if (!isDeepStrictEqual(get(doc, tokens), operation['value'])) throw new PatchProblem('the test operation does not match the base scenario');
      return doc;
    case 'copy':
      return add(doc, tokens, get(doc, parsePointer(from as string)));
    default: {
      const fromTokens = parsePointer(from as string);
      if (tokens.length > fromTokens.length && fromTokens.every((t, i) => tokens[i] === t)) throw new PatchProblem('a value cannot be moved into itself');
      const value = get(doc, fromTokens);
      return add(remove(doc, fromTokens), tokens, value);
    }
  }
}
