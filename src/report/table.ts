/** A tiny plain-text table: columns padded to their widest cell. */

export type Align = 'left' | 'right';

/**
 * Lays rows out in aligned columns separated by two spaces; the first row is a header, underlined
 * with dashes when `header` is true (the default).
 */
export function formatTable(rows: readonly (readonly string[])[], options: { align?: readonly Align[]; header?: boolean; indent?: string } = {}): string {
  const header = options.header ?? true;
  const indent = options.indent ?? '  ';
  const columns = Math.max(0, ...rows.map((r) => r.length));
  // A cell's width in code points, so an accented or astral character counts as one column.
  const width = (cell: string) => Array.from(cell).length;
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => width(r[c] ?? ''))));
  const pad = (cell: string, c: number) => {
    const gap = ' '.repeat((widths[c] ?? 0) - width(cell));
    return options.align?.[c] === 'right' ? gap + cell : cell + gap;
  };
  const line = (r: readonly string[]) =>
    indent +
    Array.from({ length: columns }, (_, c) => pad(r[c] ?? '', c))
      .join('  ')
      .trimEnd();
  const out = rows.map(line);
  if (header && rows.length > 0) out.splice(1, 0, indent + widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n');
}
