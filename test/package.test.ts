/**
 * What npm publishes (issue 12, kind 9): the tarball holds no benchmarks, and its type
 * declarations compile in a Node-only TypeScript project with `skipLibCheck: false` (no DOM lib).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt, root } from './helpers/built-cli.js';

let files: string[] = [];
let dir = '';

beforeAll(() => {
  ensureBuilt();
  const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(npm.status).toBe(0);
  files = (JSON.parse(npm.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  dir = mkdtempSync(join(tmpdir(), 'pathway-consumer-'));
}, 180_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the library, the CLI and the fixtures, and no benchmarks or tests', () => {
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('fixtures/tiny-ab.json');
    expect(files.filter((f) => /(^|\/)(benchmarks|test)\//.test(f))).toEqual([]);
  });

  it('compiles in a Node-only project without skipLibCheck', () => {
    // The package as npm would install it, its dependencies linked from this checkout.
    const modules = join(dir, 'node_modules');
    for (const f of files) {
      mkdirSync(dirname(join(modules, 'pathway-scheduler', f)), { recursive: true });
      cpSync(join(root, f), join(modules, 'pathway-scheduler', f));
    }
    for (const name of readdirSync(join(root, 'node_modules'))) {
      if (name !== 'pathway-scheduler' && !name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(modules, name));
    }
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023'],
          types: ['node'],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
        },
        include: ['index.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'index.ts'),
      [
        "import { parseScenario, solve, InputError, type SolveOutcome } from 'pathway-scheduler';",
        "import { check } from 'pathway-scheduler/checker';",
        "import { solveMip } from 'pathway-scheduler/solver';",
        'export async function run(text: string): Promise<SolveOutcome | string> {',
        '  try {',
        "    const scenario = parseScenario(JSON.parse(text), 'school.json');",
        '    const outcome = await solve(scenario, { timeLimitSeconds: 10 });',
        "    if (outcome.status === 'scheduled') check(scenario, outcome.solution);",
        '    return outcome;',
        '  } catch (err: unknown) {',
        '    if (err instanceof InputError) return err.message;',
        '    throw err;',
        '  }',
        '}',
        'export { solveMip };',
      ].join('\n'),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
