/** Horizontal bar charts as inline SVG (no script, no network). */
import { esc } from './escape.js';

export interface Bar {
  readonly label: string;
  readonly count: number;
  readonly total: number;
}

/** One bar per entry, length = count / total, labelled `count of total (pct)`. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const rowH = 22;
  const labelW = 170;
  const barW = 300;
  const height = Math.max(1, bars.length) * rowH + 8;
  const rows = bars
    .map((b, i) => {
      const share = b.total > 0 ? b.count / b.total : 0;
      const y = 4 + i * rowH;
      const pct = b.total > 0 ? `${(share * 100).toFixed(1)}%` : 'n/a';
      return (
        `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${barW}" height="${rowH - 6}" fill="#eee"/>` +
        `<rect class="bar" x="${labelW}" y="${y + 2}" width="${(share * barW).toFixed(1)}" height="${rowH - 6}" fill="#3b7dd8"/>` +
        `<text x="${labelW + barW + 6}" y="${y + 14}">${b.count} of ${b.total} (${pct})</text>`
      );
    })
    .join('');
  const empty = bars.length === 0 ? `<text x="4" y="18">none</text>` : '';
  return `<figure class="chart"><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 130}" height="${height}" font-size="12" font-family="sans-serif" role="img" aria-label="${esc(title)}">${rows}${empty}</svg></figure>`;
}
