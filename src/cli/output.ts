/**
 * Output files: every path is checked before any work (a folder given for a file, a path under
 * a file, a read-only file or folder, two outputs on one file, an output over an input), and a
 * command's outputs are written all or none: each goes to a temporary file beside its target,
 * and the temporary files are renamed over their targets only once all are written.
 */
import { accessSync, constants, existsSync, mkdirSync, openSync, closeSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, type InputProblem } from '../scenario/problems.js';

/** One output a command will write: a file, or a folder of named files. */
export interface OutputTarget {
  /** The option that names it, as the user typed it (`-o`, `--html`, `--csv`). */
  readonly option: string;
  readonly path: string;
  /** For a folder: the names of the files written in it. */
  readonly files?: readonly string[];
}

const errno = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

/** The nearest part of `path` (itself or an ancestor) that exists. */
function nearestExisting(path: string): string {
  let p = resolve(path);
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  return p;
}

/** Why files cannot be created in the folder that will hold them (after creating missing folders), or null. */
function folderProblem(folder: string): string | null {
  const existing = nearestExisting(folder);
  if (!statSync(existing).isDirectory()) return `"${existing}" is a file, so nothing can be written under it`;
  // Create and remove a probe file: access() says yes to root on read-only or virtual file systems.
  const probe = join(existing, `.pathway-scheduler-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return null;
  } catch (err: unknown) {
    const code = errno(err);
    return `the folder "${existing}" cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code})`;
  }
}

/**
 * Every problem with the outputs of one command, found before any work.
 * @param inputs - files the command reads; writing over one is refused.
 */
export function outputProblems(targets: readonly OutputTarget[], inputs: readonly string[] = []): InputProblem[] {
  const problems: InputProblem[] = [];
  const claimed = new Map<string, string>();
  const inputSet = new Set(inputs.map((f) => resolve(f)));
  for (const t of targets) {
    const add = (message: string, fix: string) => problems.push({ path: t.option, message, fix });
    const files = t.files ? t.files.map((f) => join(t.path, f)) : [t.path];
    for (const f of files) {
      const at = resolve(f);
      const other = claimed.get(at);
      if (other !== undefined) add(`"${f}" would be written twice (by ${other} and ${t.option})`, 'give each output its own name');
      claimed.set(at, t.option);
      if (inputSet.has(at)) add(`"${f}" is an input of this command and would be overwritten`, 'write the output to another file');
    }
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(t.path);
    } catch (err: unknown) {
      const code = errno(err);
      if (code === 'ENOTDIR') {
        add(`"${t.path}" lies under a file: ${folderProblem(dirname(t.path)) ?? 'a part of the path is a file'}`, 'give a path whose folders are folders');
        continue;
      }
      if (code !== 'ENOENT') {
        add(`"${t.path}" cannot be used (${code})`, 'give another path');
        continue;
      }
    }
    if (t.files) {
      if (stat && !stat.isDirectory()) {
        add(`"${t.path}" is a file, not a folder`, `give a folder name for ${t.option} (it is created if missing)`);
        continue;
      }
      for (const f of files) {
        if (existsSync(f) && statSync(f).isDirectory())
          add(`"${f}" is a folder, so the file cannot be written`, 'remove or rename that folder, or give another folder');
      }
      const why = folderProblem(t.path);
      if (why) add(why, 'give a folder you can write to');
      continue;
    }
    if (stat?.isDirectory()) {
      add(
        `"${t.path}" is a folder, not a file`,
        `give a file name for ${t.option}, e.g. ${join(t.path, t.option === '--html' ? 'report.html' : 'output.json')}`,
      );
      continue;
    }
    if (stat) {
      try {
        accessSync(t.path, constants.W_OK);
      } catch {
        add(`"${t.path}" is read-only`, 'give another file, or make it writable');
        continue;
      }
    }
    const why = folderProblem(dirname(t.path));
    if (why) add(why, 'give a path you can write to');
  }
  return problems;
}

/** @throws {@link InputError} ("command line") listing every problem of the outputs. */
export function checkOutputs(targets: readonly OutputTarget[], inputs: readonly string[] = []): void {
  const problems = outputProblems(targets, inputs);
  if (problems.length > 0) throw new InputError('command line', problems);
}

/**
 * The files one command writes, written all or none by {@link OutputSet.commit}.
 */
export class OutputSet {
  private readonly files = new Map<string, string | Uint8Array>();

  add(file: string, content: string | Uint8Array): this {
    this.files.set(file, content);
    return this;
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Writes every file to a temporary file beside its target, then renames them all. On a
   * failure before the renames nothing is left behind (temporary files and folders made for them
   * are removed).
   * @throws {@link InputError} naming the file that could not be written (disk full, permission).
   */
  commit(): void {
    const temps: [string, string][] = [];
    const madeFolders: string[] = [];
    const renamed: string[] = [];
    const fail = (file: string, err: unknown): never => {
      for (const [tmp] of temps) rmSync(tmp, { force: true });
      for (const folder of madeFolders.reverse()) {
        try {
          rmdirSync(folder);
        } catch {
          // not empty: something else is in it
        }
      }
      const code = errno(err);
      const written = renamed.length === 0 ? 'nothing was written' : `only ${renamed.join(', ')} ${renamed.length === 1 ? 'was' : 'were'} written`;
      throw new InputError(file, [
        {
          path: '',
          message: `cannot be written (${code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'a folder of that name is in the way' : code}); ${written}`,
          fix: 'free space or choose another place, and run the command again',
        },
      ]);
    };
    for (const [file, content] of this.files) {
      try {
        const made = mkdirSync(dirname(file), { recursive: true });
        if (made !== undefined) madeFolders.push(...foldersBetween(made, dirname(file)));
        const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
        temps.push([tmp, file]);
        writeFileSync(tmp, content);
      } catch (err: unknown) {
        fail(file, err);
      }
    }
    // A folder in the way would fail its rename after others succeeded: find it first.
    for (const [, file] of temps) if (existsSync(file) && statSync(file).isDirectory()) fail(file, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
    for (const [tmp, file] of temps) {
      try {
        renameSync(tmp, file);
        renamed.push(file);
      } catch (err: unknown) {
        fail(file, err);
      }
    }
  }
}

/** The folders from `first` (the first one mkdir created) down to `last`, outermost first. */
function foldersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = resolve(last); p.startsWith(resolve(first)); p = dirname(p)) {
    out.unshift(p);
    if (p === resolve(first)) break;
  }
  return out;
}

/** Writes one file whole or not at all (see {@link OutputSet}). */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  new OutputSet().add(file, content).commit();
}
