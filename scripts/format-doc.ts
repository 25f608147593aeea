/**
 * The field tables of docs/format.md, generated from the engine's own zod schemas (the scenario
 * and solution formats), so the document cannot drift from what the engine reads and writes:
 * each field's name, type, limits, whether it is required and its default come from the schema;
 * its meaning from {@link FIELD_NOTES}, which must name every field and nothing else.
 *
 * `npx tsx scripts/format-doc.ts` rewrites the generated blocks of docs/format.md;
 * test/scenario/format-doc.test.ts fails when they differ from the schemas.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { scenarioSchema } from '../src/scenario/schema.js';
import { solutionSchema } from '../src/solution/schema.js';
import { ownRecordParts } from '../src/scenario/own-record.js';
import { FIELD_NOTES } from './format-notes.js';

type Schema = z.core.$ZodType;
interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}
const defOf = (s: Schema) => (s as unknown as { _zod: { def: Def } })._zod.def;
interface CheckDef {
  readonly check: string;
  readonly [key: string]: unknown;
}
const checksOf = (s: Schema) => ((defOf(s)['checks'] as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);

/** One row of a field table. */
export interface FieldRow {
  readonly path: string;
  readonly field: string;
  readonly type: string;
  readonly presence: string;
  readonly meaning: string;
}

/** One table: the fields of one object of the format, named by its path (`courses[].meets`). */
export interface FieldTable {
  readonly path: string;
  readonly rows: FieldRow[];
}

const fmt = (n: number) => (Math.abs(n) >= 1_000 ? n.toLocaleString('en-US') : String(n));
const code = (v: unknown) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;

/** Walks the schemas; object schemas met again are referred to by their first path. */
class Walker {
  readonly tables: FieldTable[] = [];
  private readonly seen = new Map<Schema, string>();

  object(schema: Schema, path: string): void {
    this.seen.set(schema, path);
    const table: FieldTable = { path, rows: [] };
    this.tables.push(table);
    const shape = defOf(schema)['shape'] as Record<string, Schema>;
    for (const [field, inner] of Object.entries(shape)) {
      const fieldPath = path === '' ? field : `${path}.${field}`;
      const { type, presence } = this.describe(inner, fieldPath);
      table.rows.push({ path: fieldPath, field, type, presence, meaning: '' });
    }
  }

  /** The type of a field in words, with whether it must be there and its default; nested objects become tables. */
  describe(schema: Schema, path: string): { type: string; presence: string } {
    const def = defOf(schema);
    if (def.type === 'optional') return { type: this.type(def['innerType'] as Schema, path), presence: 'optional' };
    if (def.type === 'default') {
      const value = def['defaultValue'];
      const presence =
        typeof value === 'object' && value !== null && !Array.isArray(value) ? 'optional, each field at its default' : `optional, default ${code(value)}`;
      return { type: this.type(def['innerType'] as Schema, path), presence };
    }
    return { type: this.type(schema, path), presence: 'required' };
  }

  type(schema: Schema, path: string): string {
    const def = defOf(schema);
    const parts = ownRecordParts.get(schema);
    if (parts) return `object: ${this.type(parts.key, `${path}{}`)} → ${this.type(parts.value, `${path}{}`)}`;
    const checks = checksOf(schema);
    const min = checks.find((c) => c.check === 'min_length')?.['minimum'] as number | undefined;
    const max = checks.find((c) => c.check === 'max_length')?.['maximum'] as number | undefined;
    switch (def.type) {
      case 'string': {
        const pattern = checks.find((c) => c.check === 'string_format' && c['format'] === 'regex')?.['pattern'] as RegExp | undefined;
        const limits = [
          min === 1 ? 'not empty' : min !== undefined ? `at least ${fmt(min)} characters` : '',
          max !== undefined ? `at most ${fmt(max)} characters` : '',
        ].filter(Boolean);
        return `text${pattern ? ` matching \`${pattern.source}\`` : ''}${limits.length > 0 ? ` (${limits.join(', ')})` : ''}`;
      }
      case 'number': {
        const whole = checks.some((c) => c.check === 'number_format' && (c['format'] === 'safeint' || c['format'] === 'int'));
        const lo = checks.find((c) => c.check === 'greater_than') as { value: number; inclusive: boolean } | undefined;
        const hi = checks.find((c) => c.check === 'less_than') as { value: number; inclusive: boolean } | undefined;
        const range = lo && hi ? ` from ${fmt(lo.value)} to ${fmt(hi.value)}` : lo ? ` ≥ ${fmt(lo.value)}` : hi ? ` ≤ ${fmt(hi.value)}` : '';
        return `${whole ? 'whole number' : 'number'}${range}`;
      }
      case 'boolean':
        return '`true` or `false`';
      case 'literal':
        return (def['values'] as unknown[]).map(code).join(' or ');
      case 'enum':
        return `one of ${Object.values(def['entries'] as Record<string, string>)
          .map(code)
          .join(', ')}`;
      case 'nullable':
        return `${this.type(def['innerType'] as Schema, path)}, or \`null\``;
      case 'optional':
        return this.type(def['innerType'] as Schema, path);
      case 'array': {
        const limits = [min !== undefined ? `at least ${fmt(min)}` : '', max !== undefined ? `at most ${fmt(max)}` : ''].filter(Boolean);
        return `list${limits.length > 0 ? ` (${limits.join(', ')})` : ''} of ${this.type(def['element'] as Schema, `${path}[]`)}`;
      }
      case 'object': {
        const first = this.seen.get(schema);
        if (first !== undefined) return `object, as \`${first}\``;
        this.object(schema, path);
        return `object (\`${path}\`, below)`;
      }
      default:
        throw new Error(`scripts/format-doc.ts cannot describe a zod "${def.type}" at ${path}: teach it`);
    }
  }
}

/** The field tables of a format, rows carrying the notes of {@link FIELD_NOTES} under `prefix`. */
export function fieldTables(schema: Schema, prefix: 'scenario' | 'solution'): FieldTable[] {
  const walker = new Walker();
  walker.object(schema, '');
  return walker.tables.map((t) => ({ path: t.path, rows: t.rows.map((r) => ({ ...r, meaning: FIELD_NOTES[`${prefix}.${r.path}`] ?? '' })) }));
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/** The markdown of the tables of one format. */
export function tablesMarkdown(prefix: 'scenario' | 'solution'): string {
  const tables = fieldTables(prefix === 'scenario' ? scenarioSchema : solutionSchema, prefix);
  return tables
    .map((t) =>
      [
        t.path === '' ? '### The top level' : `### \`${t.path}\``,
        '',
        '| field | type | presence | meaning |',
        '|---|---|---|---|',
        ...t.rows.map((r) => `| \`${r.field}\` | ${escapeCell(r.type)} | ${r.presence} | ${escapeCell(r.meaning)} |`),
      ].join('\n'),
    )
    .join('\n\n');
}

export const DOC = fileURLToPath(new URL('../docs/format.md', import.meta.url));
const begin = (prefix: string) => `<!-- ${prefix} fields: generated from the zod schemas by scripts/format-doc.ts -->`;
const END = '<!-- end of generated fields -->';

/** docs/format.md with its generated blocks as the schemas give them. @throws when a block's markers are missing. */
export function regenerated(text: string): string {
  let out = text;
  for (const prefix of ['scenario', 'solution'] as const) {
    const start = out.indexOf(begin(prefix));
    const end = out.indexOf(END, start);
    if (start < 0 || end < 0) throw new Error(`docs/format.md lacks the markers of the ${prefix} fields`);
    out = `${out.slice(0, start + begin(prefix).length)}\n\n${tablesMarkdown(prefix)}\n\n${out.slice(end)}`;
  }
  return out;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DOC, regenerated(readFileSync(DOC, 'utf8')));
  console.log(`wrote ${DOC}`);
}
