/**
 * JSON text for scenario files: 2-space indentation, with short arrays and small flat objects
 * kept on one line so a 600-student file stays readable.
 */

const INLINE_WIDTH = 120;

function isFlat(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((v) => v === null || typeof v !== 'object');
  if (value !== null && typeof value === 'object')
    return Object.values(value).every((v) => v === null || typeof v !== 'object' || (Array.isArray(v) && isFlat(v)));
  return true;
}

function render(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const oneLine = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/\{ /g, '{ ').replace(/ \}/g, ' }');
  if (isFlat(value) && oneLine.length + indent.length <= INLINE_WIDTH) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + render(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Pretty JSON with a trailing newline; `JSON.parse` of it equals the input. */
export function formatScenarioJson(value: unknown): string {
  return `${render(value, '')}\n`;
}
