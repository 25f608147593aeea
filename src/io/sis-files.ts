/**
 * The files of an SIS export folder as tables: each file found (also under another extension or
 * case), its delimiter chosen (tab, `;`, `|` or `,`, from the header line unless the mapping
 * says), its rows filtered by the mapping's `where`/`whereNot`, and every missing file or column
 * reported with the near matches the folder or header holds. This is the SIS importer's own
 * reader layer: the scenario CSV import keeps its own (read-csv.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { InputProblem } from '../scenario/problems.js';
import { readTextFile } from '../scenario/parse.js';
import { foldName, nearMatchText } from './near-match.js';
import { tableFromRecords, type SourceTable } from './source-table.js';
import type { Delimiter, FileRef, FilterParameter } from './sis-mapping.js';

/** Extensions an export file may carry: PowerSchool Quick Export writes `.text`, others `.csv` or `.txt`. */
const EXTENSIONS = ['.csv', '.txt', '.text', '.tsv'];

/** Command-line values of the mapping's filter parameters. */
export type FilterParameters = Partial<Record<FilterParameter, string>>;

/** The option that sets a filter parameter (`$school` → `--school`). */
export const parameterOption = (p: FilterParameter): string => `--${p.slice(1)}`;

/** The delimiter a header line uses: tab, then the most frequent of `;`, `|` and `,` (quoted text ignored). */
export function sniffDelimiter(headerLine: string): ',' | '\t' | ';' | '|' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  if (unquoted.includes('\t')) return '\t';
  const counts = ([';', '|', ','] as const).map((d) => [d, unquoted.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

const delimiterName = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

/** A table of the export with its delimiter, after the row filters. */
export interface SisTable extends SourceTable {
  readonly delimiter: string;
  /** Rows before the filters. */
  readonly rowsRead: number;
  /** Optional columns the file lacks. */
  readonly absent: ReadonlySet<string>;
}

/**
 * The export folder: reads each file once, and collects every problem (missing files, unreadable
 * text, missing columns, ambiguous filters) into `problems` instead of stopping at the first.
 */
export class SisFolder {
  private readonly parsed = new Map<string, SourceTable & { delimiter: string }>();
  private entries: string[] | undefined;

  constructor(
    readonly folder: string,
    private readonly defaultDelimiter: Delimiter,
    private readonly parameters: FilterParameters,
    readonly problems: InputProblem[],
  ) {}

  private listing(): string[] {
    this.entries ??= existsSync(this.folder) && statSync(this.folder).isDirectory() ? readdirSync(this.folder).filter((f) => !f.startsWith('.')) : [];
    return this.entries;
  }

  /** The file name in the folder that stands for `wanted`, or undefined (with a problem). */
  locate(wanted: string): string | undefined {
    if (existsSync(join(this.folder, wanted))) return wanted;
    const stem = foldName(basename(wanted, extname(wanted)));
    const files = this.listing();
    const same = files.find((f) => foldName(basename(f, extname(f))) === stem && EXTENSIONS.includes(extname(f).toLowerCase()));
    if (same !== undefined) return same;
    this.problems.push({
      path: wanted,
      message: `missing file "${wanted}" in ${this.folder}${nearMatchText(wanted, files, (f) => basename(f, extname(f)))}`,
      fix:
        files.length === 0
          ? 'give the folder that holds the export files'
          : `export the file under this name (also read as .csv, .txt, .text or .tsv), or correct "file" in the mapping (files present: ${files.slice(0, 12).join(', ')}${files.length > 12 ? ', ...' : ''})`,
    });
    return undefined;
  }

  private parseFile(name: string, delimiter: Delimiter): (SourceTable & { delimiter: string }) | undefined {
    const key = `${name}\u0000${delimiter}`;
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const text = readTextFile(join(this.folder, name)).replace(/^\uFEFF/, '');
    const chosen = delimiter === 'auto' ? sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? '') : delimiter;
    try {
      const records: string[][] = parse(text, { delimiter: chosen, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
      const table = { ...tableFromRecords(name, records), delimiter: chosen };
      this.parsed.set(key, table);
      return table;
    } catch (err: unknown) {
      const message = err instanceof Error ? err.message : String(err);
      this.problems.push({
        path: name,
        message: `cannot be read as ${delimiterName(chosen)}-separated text: ${message}`,
        fix: 'export it again as delimited text, or set "delimiter" for this file in the mapping',
      });
      return undefined;
    }
  }

  /** Says, for every column wanted and absent, which file lacks it and the near matches its header holds. */
  missingColumns(table: SourceTable & { delimiter?: string }, wanted: readonly (string | undefined)[]): InputProblem[] {
    const out: InputProblem[] = [];
    for (const c of new Set(wanted)) {
      if (c === undefined || table.header.includes(c)) continue;
      const oneColumn = table.header.length === 1 && table.delimiter !== undefined;
      out.push({
        path: `${table.label}, row 1, column ${c}`,
        message: `missing column "${c}"${nearMatchText(c, table.header)}`,
        fix: oneColumn
          ? `the header was read as one column with delimiter ${delimiterName(table.delimiter ?? ',')}: set "delimiter" for this file in the mapping`
          : `rename the column in the export, or correct the mapping (columns present: ${table.header.slice(0, 15).join(', ')}${table.header.length > 15 ? ', ...' : ''})`,
      });
    }
    return out;
  }

  /**
   * The table of a file part with its filters applied, after checking that it has every column
   * in `required`; undefined (with problems) when the file or a required column is missing.
   * Columns in `optional` may be absent: they are listed in `absent`.
   */
  table(ref: FileRef, required: readonly (string | undefined)[], optional: readonly (string | undefined)[] = []): SisTable | undefined {
    const name = this.locate(ref.file);
    if (name === undefined) return undefined;
    const raw = this.parseFile(name, ref.delimiter ?? this.defaultDelimiter);
    if (!raw) return undefined;
    const filterColumns = [...Object.keys(ref.where ?? {}), ...Object.keys(ref.whereNot ?? {})];
    const missing = this.missingColumns(raw, [...required, ...filterColumns]);
    if (missing.length > 0) {
      this.problems.push(...missing);
      return undefined;
    }
    let rows = raw.rows;
    for (const [col, accepted] of Object.entries(ref.where ?? {})) {
      let values: readonly string[];
      if (typeof accepted === 'string') {
        const given = this.parameters[accepted];
        if (given === undefined) {
          const distinct = [...new Set(rows.map((r) => r.cells[col] ?? ''))];
          if (distinct.length > 1) {
            this.problems.push({
              path: `${raw.label}, column ${col}`,
              message: `the file holds rows of several values of ${col} (${distinct.slice(0, 8).join(', ')}${distinct.length > 8 ? ', ...' : ''})`,
              fix: `choose one with ${parameterOption(accepted)}`,
            });
          }
          continue;
        }
        values = [given];
      } else values = accepted;
      const keep = new Set(values.map((v) => v.trim().toLowerCase()));
      const kept = rows.filter((r) => keep.has((r.cells[col] ?? '').toLowerCase()));
      if (kept.length === 0 && rows.length > 0) {
        // A wrong --school or --year would otherwise import an empty school without a word.
        const present = [...new Set(rows.map((r) => r.cells[col] ?? ''))];
        const option = typeof accepted === 'string' ? parameterOption(accepted) : 'the mapping\'s "where"';
        this.problems.push({
          path: `${raw.label}, column ${col}`,
          message: `no row has ${col} ${values.map((v) => JSON.stringify(v)).join(' or ')}`,
          fix: `give ${option} one of the values present: ${present.slice(0, 8).join(', ')}${present.length > 8 ? ', ...' : ''}`,
        });
      }
      rows = kept;
    }
    for (const [col, rejected] of Object.entries(ref.whereNot ?? {})) {
      const drop = new Set(rejected.map((v) => v.trim().toLowerCase()));
      rows = rows.filter((r) => !drop.has((r.cells[col] ?? '').toLowerCase()));
    }
    const absent = new Set(optional.filter((c): c is string => c !== undefined && !raw.header.includes(c)));
    return { label: raw.label, header: raw.header, rows, delimiter: raw.delimiter, rowsRead: raw.rows.length, absent };
  }
}
