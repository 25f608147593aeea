/**
 * Reads solutions written by external solvers back into a value per column, by the column names
 * used when the model was exported ({@link WrittenModel.columnNames}). Understands CBC solution
 * files (`<status> - objective value z`, then `index name value reduced-cost` lines, zeros
 * omitted) and the `name value` style of HiGHS and Gurobi `.sol` files.
 */

export interface SolutionFileValues {
  /** One value per column; columns the file does not mention are 0 (CBC omits zeros). */
  readonly values: number[];
  readonly objective: number | null;
  /** The status line or model status the file states, if any (e.g. `Optimal`, `Stopped on time`). */
  readonly status: string | null;
  /** Names in the file that are not columns of the model. */
  readonly unknownNames: readonly string[];
  /** HiGHS's primal solution status (`Feasible`, `Infeasible`, `None`), when the file states one. */
  readonly primal: string | null;
  /** Lines holding a column value (zeros included). */
  readonly valueLines: number;
  /** Numbers (from 1) of the non-empty lines that are neither a value, a status, an objective nor a comment. */
  readonly unreadLines: readonly number[];
}

/** Parses a CBC, HiGHS or Gurobi solution file against the exported column names. */
export function readSolutionFile(text: string, columnNames: readonly string[]): SolutionFileValues {
  const index = new Map<string, number>();
  columnNames.forEach((name, j) => index.set(name, j));
  const values = new Array<number>(columnNames.length).fill(0);
  const unknownNames: string[] = [];
  let objective: number | null = null;
  let status: string | null = null;
  let primal: string | null = null;
  let valueLines = 0;
  const unreadLines: number[] = [];
  const lines = text.split(/\r?\n/);
  let section: 'columns' | 'skip' | 'any' = 'any';
  for (let t = 0; t < lines.length; t++) {
    const line = (lines[t] ?? '').trim();
    if (line === '') continue;
    const cbcHead = /^(.*?)\s+-\s+objective value\s+(\S+)/i.exec(line);
    if (cbcHead && t === 0) {
      status = cbcHead[1] ?? null;
      objective = Number(cbcHead[2]);
      continue;
    }
    if (line === 'Model status' || line === 'Model status:') {
      status = (lines[t + 1] ?? '').trim() || null;
      t++;
      continue;
    }
    const modelStatus = /^Model status\s*:\s*(.+)$/i.exec(line);
    if (modelStatus) {
      status = modelStatus[1]!.trim();
      continue;
    }
    if (/^#\s*Primal solution values/i.test(line)) {
      const next = (lines[t + 1] ?? '').trim();
      if (/^(Feasible|Infeasible|None)$/i.test(next)) {
        primal = next;
        t++;
      }
      continue;
    }
    const objLine = /^#?\s*Objective(?: value)?\s*[=:]?\s*(-?[0-9.eE+-]+|inf|-inf)$/i.exec(line);
    if (objLine) {
      objective = Number(objLine[1]);
      continue;
    }
    // HiGHS raw files list columns, then rows (and duals later): only the column block counts.
    if (/^#\s*Columns/i.test(line)) {
      section = 'columns';
      continue;
    }
    if (/^#\s*(Rows|Dual|Basis)/i.test(line)) {
      section = 'skip';
      continue;
    }
    if (line.startsWith('#') || section === 'skip') continue;
    const parts = line.replace(/^\*\*\s*/, '').split(/\s+/);
    let name: string | undefined;
    let value: number;
    if (parts.length >= 3 && /^\d+$/.test(parts[0] ?? '')) {
      name = parts[1];
      value = Number(parts[2]);
    } else if (parts.length === 2) {
      name = parts[0];
      value = Number(parts[1]);
    } else {
      unreadLines.push(t + 1);
      continue;
    }
    if (name === undefined || !Number.isFinite(value)) {
      unreadLines.push(t + 1);
      continue;
    }
    valueLines++;
    const j = index.get(name);
    if (j === undefined) unknownNames.push(name);
    else values[j] = value;
  }
  return { values, objective, status, unknownNames, primal, valueLines, unreadLines };
}
