/**
 * The queue on 1 worker process and on 2: the same 12 jobs (Valley and three what-if variants,
 * each with policy seeds 1, 2, 3), wall time from the first job queued to the last row collected,
 * and the ratio. Each worker process runs one solve at a time (each solve keeps up to 2 solver
 * threads busy). The tables of both runs are compared: they must be equal.
 *
 * `npm run build && node dist/benchmarks/queue.js [--time-limit S]` (uses REDIS_URL, or starts
 * redis-server on a free port). Prints the rows for benchmarks/RESULTS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { applyPatch, formatComparison, type Variant } from '../src/whatif/index.js';
import { solveScenarios } from '../src/compare/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/src/cli/main.js');
/** Seconds per solve (`--time-limit S`, default 120: Valley's stages end on their work limits well before it, so the rows are reproducible). */
const TIME_LIMIT = Number(process.argv[process.argv.indexOf('--time-limit') + 1] ?? '') || 120;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => {
        resolve(typeof a === 'object' && a ? a.port : 0);
      });
    });
  });
}

async function redis(): Promise<{ url: string; stop: () => void }> {
  if (process.env['REDIS_URL']) return { url: process.env['REDIS_URL'], stop: () => undefined };
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  return { url: `redis://127.0.0.1:${port}/0`, stop: () => child.kill('SIGTERM') };
}

function jobs(): Variant[] {
  const baseInput = JSON.parse(readFileSync(join(ROOT, 'fixtures/valley-ab-150.json'), 'utf8')) as { policy?: Record<string, unknown> };
  const patches: Array<[string, unknown]> = [
    ['valley', []],
    ...['second-engr-teacher', 'health-3-cohorts', 'no-cpt'].map((p): [string, unknown] => [
      p,
      JSON.parse(readFileSync(join(ROOT, `fixtures/whatif/${p}.patch.json`), 'utf8')),
    ]),
  ];
  return patches.flatMap(([name, patch]) =>
    [1, 2, 3].map((seed) => {
      const input = applyPatch(baseInput, patch, name) as { policy?: Record<string, unknown> };
      return { name: `${name}-s${seed}`, scenario: parseScenario({ ...input, policy: { ...(input.policy ?? {}), seed } }, name) };
    }),
  );
}

function startWorkers(url: string, queue: string, n: number): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<ChildProcess>((resolve) => {
          const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--queue-name', queue, '--name', `w${i + 1}`], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          child.stderr.on('data', (d: Buffer) => {
            if (d.toString().includes('is taking jobs')) resolve(child);
          });
        }),
    ),
  );
}

async function main(): Promise<void> {
  const server = await redis();
  const list = jobs();
  const tables: string[] = [];
  const walls: number[] = [];
  try {
    for (const n of [1, 2]) {
      const queue = `bench-${n}-${Date.now()}`;
      const workers = await startWorkers(server.url, queue, n);
      const load = loadavg()[0]!.toFixed(1);
      const t0 = performance.now();
      const result = await solveScenarios(list, { queue: { url: server.url, name: queue }, timeLimitSeconds: TIME_LIMIT });
      const wall = (performance.now() - t0) / 1000;
      for (const w of workers) w.kill('SIGTERM');
      walls.push(wall);
      tables.push(formatComparison(result, { differences: false }));
      const statuses = result.rows.map((r) => r.status);
      process.stdout.write(
        `| ${n} | ${list.length} | ${wall.toFixed(1)} | ${statuses.filter((s) => s === 'scheduled').length} scheduled, ${result.rows.filter((r) => r.reproducible === false).length} cut by the clock | ${load} |\n`,
      );
    }
    process.stdout.write(`ratio (1 worker / 2 workers): ${(walls[0]! / walls[1]!).toFixed(2)}; tables equal: ${tables[0] === tables[1] ? 'yes' : 'no'}\n`);
    process.stdout.write(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, Node ${process.version}\n\n${tables[1] ?? ''}\n`);
  } finally {
    server.stop();
  }
}

void main();
