/**
 * Reading text a person gave us (scenario, solution, patch, mapping and CSV files): the bytes
 * must be UTF-8 (a byte-order mark is accepted), and a file saved in another encoding or a
 * binary file is named as such instead of surfacing as garbled JSON or CSV. JSON syntax errors
 * give their line and column.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from './problems.js';

/** Larger than any school's scenario (the largest benchmark school's size: benchmarks/notes.md, "Input limits"). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const SAVE_AS_UTF8 = 'save the file as UTF-8 (Excel: Save As → "CSV UTF-8"; a text editor: Encoding → UTF-8)';

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/**
 * Decodes the bytes of a text file given by a person.
 * @throws {@link InputError} naming the likely encoding when the bytes are not UTF-8 text.
 */
export function decodeText(bytes: Uint8Array, source: string): string {
  const refuse = (message: string, fix = SAVE_AS_UTF8): never => {
    throw new InputError(source, [{ path: '', message, fix }]);
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) refuse('the file is UTF-16 (little-endian) text, not UTF-8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) refuse('the file is UTF-16 (big-endian) text, not UTF-8');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    refuse('the file is a zip archive (an .xlsx workbook?), not text', 'give a workbook a name ending in .xlsx, or export the sheet as CSV UTF-8');
  }
  // A UTF-8 byte-order mark is valid UTF-8, and TextDecoder drops it.
  const body = bytes;
  // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
  const head = body.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  head.forEach((b, i) => {
    if (b === 0 && i % 2 === 0) evenZeros++;
    else if (b === 0) oddZeros++;
  });
  if (head.length >= 4 && oddZeros > head.length / 4) refuse('the file looks like UTF-16 (little-endian) text without a byte-order mark, not UTF-8');
  if (head.length >= 4 && evenZeros > head.length / 4) refuse('the file looks like UTF-16 (big-endian) text without a byte-order mark, not UTF-8');
  if (evenZeros + oddZeros > 0) refuse('the file holds zero bytes: it is binary, not text', 'give a text file (JSON or CSV, UTF-8)');
  const bad = invalidUtf8Offset(body);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    const { line, column } = lineAndColumn(before, before.length);
    const byte = body[bad]!;
    const shown = new TextDecoder('windows-1252').decode(body.subarray(bad, bad + 1));
    refuse(
      `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${column} looks like Latin-1 / Windows-1252 text ("${shown}")`,
    );
  }
  return new TextDecoder('utf-8').decode(body);
}

/**
 * Reads a text file (UTF-8, byte-order mark accepted).
 * @throws {@link InputError} when it is missing, a folder, unreadable, too large or not UTF-8.
 */
export function readTextFile(file: string): string {
  const refuse = (message: string, fix = 'check the path'): never => {
    throw new InputError(file, [{ path: '', message, fix }]);
  };
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_INPUT_BYTES)
      refuse(
        `the file is ${Math.round(size / 1024 / 1024)} MB, larger than any school's input (at most ${MAX_INPUT_BYTES / 1024 / 1024} MB)`,
        'give the right file; a 3,500-student scenario is about 3 MB',
      );
    bytes = readFileSync(file);
  } catch (err: unknown) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    return refuse(
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'ENOTDIR'
            ? 'a part of the path is a file, not a folder'
            : code === 'EACCES'
              ? 'cannot be read: permission denied'
              : `cannot be read (${code ?? String(err)})`,
    );
  }
  return decodeText(bytes, file);
}

/** Offset of the first character where `text` stops being JSON (RFC 8259), or -1. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  // An explicit stack: deeply nested input must not overflow the call stack.
  const stack: ('{' | '[')[] = [];
  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === '{') {
          if (text[i] !== '"' || !string()) return i;
          ws();
          if (text[i] !== ':') return i;
          i++;
        }
        continue;
      }
      if (c === '"' ? !string() : !scalar()) return i;
      expectValue = false;
      continue;
    }
    const top = stack.at(-1);
    if (top === undefined) return i < n ? i : -1;
    if (text[i] === ',') {
      i++;
      if (top === '{') {
        ws();
        if (text[i] !== '"' || !string()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
      }
      expectValue = true;
      continue;
    }
    if (text[i] === (top === '{' ? '}' : ']')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}

/**
 * Parses JSON text (a leading byte-order mark is dropped), naming the line and column of a
 * syntax error. @throws {@link InputError}
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (err: unknown) {
    if (body.trim() === '')
      throw new InputError(source, [{ path: '', message: 'the file is empty', fix: 'give the JSON file written by the tool, or write the JSON document' }]);
    const offset = jsonErrorOffset(body);
    const reason = (err instanceof Error ? err.message : String(err))
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
    if (offset < 0) throw new InputError(source, [{ path: '', message: `not valid JSON: ${reason}`, fix: 'correct the JSON syntax' }]);
    const { line, column } = lineAndColumn(body, offset);
    const lineText = body.split('\n')[line - 1] ?? '';
    const excerpt = lineText.length > 80 ? lineText.slice(Math.max(0, column - 40), column + 40) : lineText;
    throw new InputError(source, [
      {
        path: `line ${line}, column ${column}`,
        message: `not valid JSON: ${offset >= body.length ? 'the text ends too early (a missing } or ])' : reason}, in: ${excerpt.trim()}`,
        fix: 'correct the JSON syntax at that spot (a missing comma or quote, a trailing comma, or a stray character)',
      },
    ]);
  }
}
