/**
 * The queue on a real Redis (test/setup/redis.ts; never a mock): workers in separate processes
 * give the local run's table; a worker killed with SIGKILL mid-solve leaves its job to another,
 * no row lost or doubled; a bad scenario fails its row alone; a result is stored once and a job
 * whose result is stored is not solved again; a bad variant enqueues nothing; Ctrl-C cancels the
 * jobs not finished and keeps the finished rows; nothing stays in Redis once collected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { formatComparison, type Comparison, type ComparisonRow, type Variant } from '../../src/whatif/index.js';
import { compareScenarios, solveScenarios } from '../../src/compare/index.js';
import { InputError } from '../../src/scenario/problems.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { JobEvent } from '../../src/queue/index.js';
import { jobKey, scenarioDigest } from '../../src/queue/keys.js';
import { solveOnQueue } from '../../src/queue/submit.js';
import { allSlots } from '../../src/calendar/slots.js';
import { readResult, storeResult } from '../../src/queue/results.js';
import type { JobResult } from '../../src/queue/messages.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { base, baseInput, patched } from '../helpers/whatif-school.js';
import { cli, eventually, libraryWorker, queueKeys, redisUrl, type Child } from '../helpers/queue.js';

const OPTIONS = { seed: 3, timeLimitSeconds: 10 } as const;
/** Five variants of the tiny what-if school, each a different solve (so six jobs with the base). */
const PATCHES: Record<string, unknown[]> = {
  more: [{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }],
  nocpt: [{ op: 'replace', path: '/pathways/0/commonPlanning', value: 0 }],
  both: [
    { op: 'replace', path: '/teachers/1/maxSections', value: 3 },
    { op: 'replace', path: '/pathways/0/commonPlanning', value: 0 },
  ],
  first3: [{ op: 'replace', path: '/teachers/0/maxSections', value: 3 }],
  bigger: [{ op: 'replace', path: '/courses/0/capacity', value: 4 }],
};
const variants = (): Variant[] => Object.entries(PATCHES).map(([name, patch]) => patched(name, patch));

let url = '';
let dir = '';
const children: Child[] = [];
const spawned = (c: Child) => (children.push(c), c);
const queueName = () => `test-${randomUUID().slice(0, 8)}`;
/** What the table shows of a row (the solution carries solve times). */
const shown = (c: Comparison) => formatComparison(c);

beforeAll(() => {
  url = redisUrl();
  dir = mkdtempSync(join(tmpdir(), 'pathway-queue-'));
  writeFileSync(join(dir, 'base.json'), JSON.stringify(baseInput()));
  for (const [name, patch] of Object.entries(PATCHES)) writeFileSync(join(dir, `${name}.patch.json`), JSON.stringify(patch));
});

afterAll(async () => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

/**
 * The local runs the queue runs must equal, by variant names: a what-if comparison (the base
 * first, then each variant from the base's schedule where it is still valid) or, for `batch`,
 * every scenario solved on its own.
 */
const localRuns = new Map<string, Promise<Comparison>>();
function localComparison(vs: Variant[], kind: 'whatif' | 'batch' = 'whatif'): Promise<Comparison> {
  const key = `${kind}:${vs.map((v) => v.name).join(',')}`;
  const known = localRuns.get(key);
  if (known) return known;
  const run = kind === 'whatif' ? compareScenarios(base(), vs, OPTIONS) : solveScenarios([{ name: 'base', scenario: base() }, ...vs], OPTIONS);
  localRuns.set(key, run);
  return run;
}
const localRun = async (vs: Variant[] = variants()) => shown(await localComparison(vs));

describe('whatif --queue with two worker processes', () => {
  it('six jobs: every row arrives once, the table equals the local run, progress is printed and Redis is left empty', async () => {
    const name = queueName();
    const workers = [1, 2].map((n) => spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name, '--name', `w${n}`)));
    await Promise.all(workers.map((w) => w.waitFor(/is taking jobs/)));
    const run = cli(
      dir,
      'whatif',
      'base.json',
      ...Object.keys(PATCHES).map((n) => `${n}.patch.json`),
      '--queue',
      url,
      '--queue-name',
      name,
      '--seed',
      '3',
      '--time-limit',
      '10',
      '-o',
      'out-two',
    );
    expect(await run.exit).toBe(0);
    const table = readFileSync(join(dir, 'out-two', 'comparison.txt'), 'utf8');
    expect(table).toBe(`${await localRun()}\n`);
    for (const n of ['base', ...Object.keys(PATCHES)]) {
      expect(run.err).toMatch(new RegExp(`(?:^|\\n) {2}${n}: queued as solve-`));
      expect(run.err).toMatch(new RegExp(`(?:^|\\n) {2}${n}: running on w[12]\\n`));
      expect(run.err.match(new RegExp(`(?:^|\\n) {2}${n}: done on w[12] \\(scheduled\\)`, 'g'))).toHaveLength(1);
      // The options reached each solve (the tiny school's table alone does not depend on them).
      const solution = JSON.parse(readFileSync(join(dir, 'out-two', `${n}.solution.json`), 'utf8')) as { report: { solver: { seed: number } } };
      expect(solution.report.solver.seed).toBe(3);
    }
    // Collected: no job, result or job data of this run stays in Redis (BullMQ's bookkeeping keys only).
    const keys = await queueKeys(url, name);
    expect(keys.filter((k) => k.includes('solve-') || k.includes(':pathway:'))).toEqual([]);
    for (const w of workers) w.process.kill('SIGTERM');
    expect(await Promise.all(workers.map((w) => w.exit))).toEqual([0, 0]);
  });

  it('batch --queue: one solution per school and a summary CSV', async () => {
    const name = queueName();
    const worker = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name));
    const schools = join(dir, 'schools');
    mkdirSync(schools);
    writeFileSync(join(schools, 'north.json'), JSON.stringify(baseInput()));
    writeFileSync(join(schools, 'south.json'), JSON.stringify({ ...baseInput(), name: 'South High' }));
    const run = cli(dir, 'batch', 'schools', '--queue', url, '--queue-name', name, '--seed', '3', '--time-limit', '10', '-o', 'batch-out');
    expect(await run.exit).toBe(0);
    expect(readdirSync(join(dir, 'batch-out')).sort()).toEqual(['north.solution.json', 'south.solution.json', 'summary.csv']);
    const csv = readFileSync(join(dir, 'batch-out', 'summary.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^north,scheduled,0,3,0,5,8,14,/);
    expect(csv[2]).toMatch(/^south,scheduled,0,3,0,5,8,14,/);
    worker.process.kill('SIGTERM');
    expect(await worker.exit).toBe(0);
  });
});

describe('a worker killed with SIGKILL mid-solve', () => {
  it('its job finishes on the other worker; every row arrives once and equals the local run', async () => {
    const name = queueName();
    const events: JobEvent[] = [];
    const rows: number[] = [];
    const vs = variants().slice(0, 1);
    let seenOnA: () => void = () => undefined;
    const runningOnA = new Promise<void>((resolve) => (seenOnA = resolve));
    const onJobEvent = (e: JobEvent) => {
      events.push(e);
      if (e.kind === 'running' && e.worker === 'A') seenOnA();
    };
    const comparison = compareScenarios(base(), vs, { ...OPTIONS, queue: { url, name }, onJobEvent, onRow: (_, i) => rows.push(i) });
    // Worker A's solves block their thread (as a long HiGHS solve does) while its main thread keeps the lock.
    const a = spawned(libraryWorker({ queue: { url, name }, name: 'A', lockSeconds: 2, testCrash: 'hang' }));
    const started = await a.waitFor(/"kind":"started","key":"(solve-[0-9a-f]+)"/);
    const taken = started[1]!;
    await runningOnA;
    a.process.kill('SIGKILL');
    await a.exit;
    const b = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name, '--name', 'B', '--lock-seconds', '2'));
    const result = await comparison;
    expect(result.rows.map((r) => `${r.status} ${r.message ?? ''}`.trim())).toEqual(['scheduled', 'scheduled']);
    expect(rows.sort()).toEqual([0, 1]);
    expect(shown(result)).toBe(await localRun(vs));
    // The job A held ran on A, then finished on B.
    expect(events.some((e) => e.kind === 'running' && e.key === taken && e.worker === 'A')).toBe(true);
    const done = events.flatMap((e) => (e.kind === 'done' ? [{ key: e.key, worker: e.worker }] : []));
    expect(done).toHaveLength(2);
    expect(done.map((d) => d.worker)).toEqual(['B', 'B']);
    expect(done.map((d) => d.key)).toContain(taken);
    b.process.kill('SIGTERM');
    await b.exit;
  });
});

describe('a worker stopped with SIGTERM (or Ctrl-C)', () => {
  it('puts its running job back in the queue at once, without counting a failure; another worker finishes it', async () => {
    const name = queueName();
    const comparison = compareScenarios(base(), [], { ...OPTIONS, queue: { url, name } });
    const held = spawned(libraryWorker({ queue: { url, name }, testCrash: 'hang' }));
    const started = await held.waitFor(/"kind":"started","key":"(solve-[0-9a-f]+)"/);
    held.process.kill('SIGTERM');
    expect(await held.exit).toBe(0);
    const queue = new Queue(name, { connection: { url } });
    const job = await queue.getJob(started[1]!);
    expect(await job?.getState()).toBe('waiting');
    expect(job?.attemptsMade).toBe(0);
    expect(held.out).not.toContain('"kind":"failed"');
    await queue.close();
    const worker = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name));
    expect((await comparison).rows.map((r) => r.status)).toEqual(['scheduled']);
    worker.process.kill('SIGTERM');
    await worker.exit;
  });
});

describe('a job whose scenario is bad', () => {
  it('fails its row alone, without retries; the other rows equal the local run; Redis holds only ids, hashes and counts', async () => {
    const name = queueName();
    const storage = join(dir, `shared-${name}`);
    const vs = variants().slice(0, 2);
    let allQueued: () => void = () => undefined;
    const queued = new Promise<void>((resolve) => (allQueued = resolve));
    let n = 0;
    // A batch (no base first), so that all three jobs are queued before a worker runs.
    const comparison = solveScenarios([{ name: 'base', scenario: base() }, ...vs], {
      ...OPTIONS,
      queue: { url, name, sharedStorage: storage },
      onJobEvent: (e) => {
        if (e.kind === 'queued' && ++n === 3) allQueued();
      },
    });
    await queued;
    // The jobs carry a path, a hash and counts, never the scenario.
    const queue = new Queue(name, { connection: { url } });
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting).toHaveLength(3);
    for (const job of waiting) {
      expect(Object.keys(job.data as object).sort()).toEqual([
        'courses',
        'format',
        'name',
        'options',
        'scenarioFile',
        'scenarioSha256',
        'students',
        'transport',
      ]);
      expect(JSON.stringify(job.data)).not.toContain('Teacher 1');
    }
    await queue.close();
    // One scenario is damaged in shared storage after it was queued.
    const bad = vs[0]!;
    const digest = scenarioDigest(bad.scenario);
    writeFileSync(join(storage, 'scenarios', `${digest}.json`), JSON.stringify({ ...baseInput(), teachers: [] }));
    const worker = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name, '--shared-storage', storage));
    const result = await comparison;
    expect(result.rows.map((r) => [r.name, r.status])).toEqual([
      ['base', 'scheduled'],
      ['more', 'failed'],
      ['nocpt', 'scheduled'],
    ]);
    expect(result.rows[1]?.message).toMatch(/^bad scenario: the scenario .*scenarios\/[0-9a-f]{64}\.json in shared storage does not match the job's hash/);
    await worker.waitFor(/more \(solve-[0-9a-f]+\): failed: bad scenario/);
    expect(worker.out.match(/more \(solve-[0-9a-f]+\): failed: bad scenario/g)).toHaveLength(1);
    const localRows = (await localComparison(vs, 'batch')).rows;
    const figures = (r: ComparisonRow | undefined) => [r?.status, r?.metrics, r?.schedule];
    expect(figures(result.rows[0])).toEqual(figures(localRows[0]));
    expect(figures(result.rows[2])).toEqual(figures(localRows[2]));
    expect(result.rows[2]?.solution?.sections.length).toBe(localRows[2]?.solution?.sections.length);
    worker.process.kill('SIGTERM');
    await worker.exit;
  });
});

describe('what-if variants on the queue start from the base schedule', () => {
  it('a relaxing variant is queued with the base schedule (a file in shared storage, never in Redis) and the table equals the local comparison', async () => {
    const name = queueName();
    const storage = join(dir, `shared-${name}`);
    const vs = [variants()[1]!]; // nocpt: dropping common planning keeps every rule of the base's schedule.
    const worker = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name, '--shared-storage', storage));
    await worker.waitFor(/is taking jobs/);
    const events: JobEvent[] = [];
    const result = await compareScenarios(base(), vs, { ...OPTIONS, queue: { url, name, sharedStorage: storage }, onJobEvent: (e) => events.push(e) });
    expect(result.rows.map((r) => r.status)).toEqual(['scheduled', 'scheduled']);
    expect(shown(result)).toBe(await localRun(vs));
    // The variant's job is the solve from the base's schedule: its id hashes that start in.
    const baseSolution = result.rows[0]?.solution ?? expect.unreachable('the base row has no schedule');
    const start = { sections: baseSolution.sections, enrollments: baseSolution.enrollments };
    const queued = events.flatMap((e) => (e.kind === 'queued' ? [e] : []));
    expect(queued.map((e) => e.names)).toEqual([['base'], ['nocpt']]);
    expect(queued[1]?.key).toBe(jobKey(scenarioDigest(vs[0]!.scenario), { ...OPTIONS, start }));
    expect(queued[1]?.key).not.toBe(jobKey(scenarioDigest(vs[0]!.scenario), OPTIONS));
    // The start sits in shared storage under its hash, as written: the worker checked it against the job.
    const starts = readdirSync(join(storage, 'starts'));
    expect(starts).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(storage, 'starts', starts[0]!), 'utf8'))).toEqual(start);
    worker.process.kill('SIGTERM');
    expect(await worker.exit).toBe(0);
  });

  it("a worker hands the job's start to the solve: a start that breaks a rule of its scenario fails the row, naming it", async () => {
    const name = queueName();
    const worker = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name));
    await worker.waitFor(/is taking jobs/);
    const scenario = base();
    // One teacher in two sections of the same slot: no scenario accepts it.
    const slot = allSlots(scenario.calendar)[0]!.name;
    const bad = {
      sections: [0, 1].map((i) => ({
        id: `X${i}`,
        course: scenario.courses[0]!.id,
        teacher: scenario.teachers[0]!.id,
        room: scenario.rooms[0]!.id,
        slots: [slot],
      })),
      enrollments: {},
    };
    const result = await solveOnQueue([{ name: 'started', scenario, start: bad }], { ...OPTIONS, queue: { url, name } });
    expect(result.rows[0]?.status).toBe('failed');
    expect(result.rows[0]?.message).toMatch(
      /^bad job: .*the start schedule breaks a hard rule of this scenario: teacher T1 teaches X0 and X1, which both meet in 1 → at start/s,
    );
    // Failed once, without retries: the input would fail every try.
    expect(worker.out.match(/started \(solve-[0-9a-f]+\): failed: bad job/g)).toHaveLength(1);
    worker.process.kill('SIGTERM');
    await worker.exit;
  });
});

describe('results are stored once', () => {
  it('a second result for a key is dropped, and a job whose result is stored completes without being solved again', async () => {
    const name = queueName();
    const redis = new Redis(url);
    const scenario = base();
    const key = jobKey(scenarioDigest(scenario), OPTIONS);
    const first: JobResult = { format: 1, key, worker: 'earlier-try', status: 'no-schedule', message: 'stored by an earlier try', metrics: null };
    expect(await storeResult(redis, name, first)).toBe(true);
    expect(await storeResult(redis, name, { ...first, worker: 'second-try' })).toBe(false);
    expect((await readResult(redis, name, key))?.worker).toBe('earlier-try');
    // A worker whose solves would hang: it only finishes the job because it does not solve it.
    const queue = new Queue(name, { connection: { url } });
    await queue.add('base', { format: 1, transport: 'inline', name: 'base', options: OPTIONS, scenario }, { jobId: key });
    const worker = spawned(libraryWorker({ queue: { url, name }, testCrash: 'hang' }));
    await worker.waitFor(/"kind":"reused"/);
    await eventually(async () => (await queue.getJob(key))?.finishedOn !== undefined);
    expect(await (await queue.getJob(key))?.getState()).toBe('completed');
    expect(worker.out).not.toContain('"kind":"started"');
    await queue.close();
    redis.disconnect();
    worker.process.kill('SIGTERM');
    await worker.exit;
  });
});

describe('checks before enqueueing', () => {
  it('a bad variant fails at once with its name and JSON path, and nothing is enqueued', async () => {
    const name = queueName();
    const broken = { ...baseInput(), teachers: [{ ...baseInput().teachers[0]!, maxSections: -1 }] } as unknown as Scenario;
    const error = await compareScenarios(base(), [{ name: 'broken', scenario: broken }], { queue: { url, name } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    // A library call names the variant as its source, as `<scenario>` names solve()'s argument.
    expect((error as InputError).source).toBe('<broken>');
    expect((error as InputError).problems.map((p) => p.path)).toEqual(['teachers[0].maxSections']);
    expect((error as InputError).message).toMatch(/^<broken>: 1 problem\n.*→ at teachers\[0\]\.maxSections/);
    expect(await queueKeys(url, name)).toEqual([]);
  });

  it('a bad queue URL is an input error naming the option', async () => {
    const error = await compareScenarios(base(), [], { queue: { url: 'http://localhost:6379' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/redis:\/\/.* → at url/);
  });
});

describe('Ctrl-C on the submitting command', () => {
  it('keeps the finished rows, cancels the others (waiting jobs removed, a running one dropped by its worker) and exits 130', async () => {
    const name = queueName();
    const worker = spawned(cli(dir, 'worker', '--queue', url, '--queue-name', name, '--lock-seconds', '2'));
    await worker.waitFor(/is taking jobs/);
    const run = cli(
      dir,
      'whatif',
      'base.json',
      'more.patch.json',
      'nocpt.patch.json',
      '--queue',
      url,
      '--queue-name',
      name,
      '--seed',
      '3',
      '--time-limit',
      '10',
      '-o',
      'out-int',
    );
    await run.waitFor(/ {2}base: done on /);
    // Nothing can finish after this: the worker is gone, mid-job or between jobs.
    worker.process.kill('SIGKILL');
    await worker.exit;
    run.process.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const data = JSON.parse(readFileSync(join(dir, 'out-int', 'comparison.json'), 'utf8')) as { interrupted: boolean; rows: ComparisonRow[] };
    expect(data.interrupted).toBe(true);
    const done = new Set([...run.err.matchAll(/ {2}([\w, ]+): done on /g)].flatMap((m) => m[1]!.split(', ')));
    expect(done.has('base')).toBe(true);
    for (const row of data.rows) {
      expect(row.status).toBe(done.has(row.name) ? 'scheduled' : 'interrupted');
      expect(existsSync(join(dir, 'out-int', `${row.name}.solution.json`))).toBe(done.has(row.name));
    }
    expect(data.rows.filter((r) => r.status === 'interrupted').length).toBeGreaterThan(0);
    // No job waits any more; a job the dead worker held is dropped by the next worker, which never solves it.
    const queue = new Queue(name, { connection: { url } });
    expect(await queue.getJobCounts('waiting', 'prioritized', 'delayed')).toEqual({ waiting: 0, prioritized: 0, delayed: 0 });
    const next = spawned(libraryWorker({ queue: { url, name }, lockSeconds: 2, testCrash: 'hang' }));
    await eventually(async () => (await queueKeys(url, name)).every((k) => !k.includes('solve-') && !k.includes(':pathway:')));
    expect(next.out).not.toContain('"kind":"started"');
    await queue.close();
    next.process.kill('SIGTERM');
    await next.exit;
  });
});
