/**
 * Redis stopped while jobs wait, on a redis-server of this file's own (the shared one serves the
 * other test files): restarted in time, the submitter waits, queues again what the restart lost
 * (no persistence) and ends with the local run's table; not restarted, it gives up after its
 * patience with a message naming the queue, exits non-zero and writes no table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatComparison } from '../../src/whatif/index.js';
import { compareScenarios } from '../../src/compare/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { base, baseInput, patched } from '../helpers/whatif-school.js';
import { cli, redisUrl, type Child } from '../helpers/queue.js';
import { hasRedisServer, startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const PATCHES = { more: [{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }] };

let dir = '';
const children: Child[] = [];
const servers: RedisServer[] = [];

beforeAll(() => {
  // Fails with the reason (no skip) when the run has no Redis at all.
  redisUrl();
  if (!hasRedisServer())
    throw new Error('this test stops and restarts a redis-server of its own: install redis-server (Debian: apt-get install -y redis-server), as .ci/run does');
  dir = mkdtempSync(join(tmpdir(), 'pathway-queue-restart-'));
  writeFileSync(join(dir, 'base.json'), JSON.stringify(baseInput()));
  for (const [name, patch] of Object.entries(PATCHES)) writeFileSync(join(dir, `${name}.patch.json`), JSON.stringify(patch));
});

afterAll(async () => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

const whatif = (url: string, out: string, ...more: string[]) => {
  const c = cli(dir, 'whatif', 'base.json', 'more.patch.json', '--queue', url, '--seed', '3', '--time-limit', '10', '-o', out, ...more);
  children.push(c);
  return c;
};

describe('Redis stopped while jobs wait', () => {
  it('restarted: the submitter waits, queues the lost jobs again and writes the local run’s table', async () => {
    const first = await startRedisServer();
    servers.push(first);
    // The base is queued first; its variant once the base is solved (it starts from the base's schedule).
    const run = whatif(first.url, 'out-back');
    await run.waitFor(/(?:^|\n) {2}base: queued as/);
    await first.stop();
    await run.waitFor(/does not answer/);
    const second = await startRedisServer(first.port);
    servers.push(second);
    await run.waitFor(/ {2}base: queued again \(the queue had lost it\)/);
    const worker = cli(dir, 'worker', '--queue', second.url, '--concurrency', '2');
    children.push(worker);
    expect(await run.exit).toBe(0);
    expect(run.err).toContain('the queue answers again');
    // The local comparison: the base, then each variant from the base's schedule where it is still valid.
    const local = await compareScenarios(
      base(),
      Object.entries(PATCHES).map(([n, p]) => patched(n, p)),
      { seed: 3, timeLimitSeconds: 10 },
    );
    expect(readFileSync(join(dir, 'out-back', 'comparison.txt'), 'utf8')).toBe(`${formatComparison(local)}\n`);
    worker.process.kill('SIGTERM');
    await worker.exit;
  });

  it('not restarted: after its patience the submitter names the queue, exits 1 and writes no table', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const run = whatif(server.url, 'out-gone', '--patience', '2');
    await run.waitFor(/(?:^|\n) {2}base: queued as/);
    await server.stop();
    expect(await run.exit).toBe(1);
    expect(run.err).toMatch(
      new RegExp(
        `pathway-scheduler: the queue at redis://127\\.0\\.0\\.1:${server.port}/0 did not answer for 2 s .*no table was written\\.\\n {4}fix: start Redis`,
      ),
    );
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(dir, 'out-gone', 'comparison.txt'))).toBe(false);
    expect(existsSync(join(dir, 'out-gone', 'comparison.json'))).toBe(false);
  });
});
