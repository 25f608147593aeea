/**
 * The queue's pieces that need no Redis: job ids as content hashes, the job and result schemas at
 * the queue boundary, the queue options, shared storage that refuses a changed file, and the
 * words for BullMQ's reasons of giving up.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, jobKey, scenarioDigest } from '../../src/queue/keys.js';
import { jobDataSchema, jobResultSchema } from '../../src/queue/messages.js';
import { displayUrl, parseQueueConfig } from '../../src/queue/config.js';
import { loadScenario, loadSolution, storeScenario, storeSolution } from '../../src/queue/shared-storage.js';
import { failureMessage } from '../../src/queue/retries.js';
import { InputError } from '../../src/scenario/problems.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { base, baseInput } from '../helpers/whatif-school.js';

const dir = mkdtempSync(join(tmpdir(), 'pathway-queue-unit-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The same object with its keys in reverse order at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('job ids are content hashes', () => {
  it('the same scenario and options give the same id whatever the key order; any change of content, seed, limit or solver gives another', () => {
    const scenario = base();
    const same = parseScenario(reversed(baseInput()));
    expect(canonicalJson(reversed({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }))).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    const key = jobKey(scenarioDigest(scenario), { seed: 3, timeLimitSeconds: 10 });
    expect(key).toMatch(/^solve-[0-9a-f]{64}$/);
    expect(jobKey(scenarioDigest(same), { timeLimitSeconds: 10, seed: 3 })).toBe(key);
    const changed = parseScenario({ ...baseInput(), teachers: baseInput().teachers.map((t, i) => (i === 1 ? { ...t, maxSections: 3 } : t)) });
    const others = [
      jobKey(scenarioDigest(changed), { seed: 3, timeLimitSeconds: 10 }),
      jobKey(scenarioDigest(scenario), { seed: 4, timeLimitSeconds: 10 }),
      jobKey(scenarioDigest(scenario), { seed: 3, timeLimitSeconds: 11 }),
      jobKey(scenarioDigest(scenario), { seed: 3, timeLimitSeconds: 10, solver: 'glpk' }),
    ];
    expect(new Set([key, ...others]).size).toBe(5);
  });
});

describe('messages at the queue boundary', () => {
  const shared = {
    format: 1,
    transport: 'shared',
    name: 'v1',
    options: {},
    scenarioFile: 'scenarios/a.json',
    scenarioSha256: 'a'.repeat(64),
    students: 5,
    courses: 4,
  };

  it('a shared-storage job names a path inside the folder, a SHA-256 and counts, and nothing else', () => {
    expect(jobDataSchema.safeParse(shared).success).toBe(true);
    for (const scenarioFile of ['../../etc/passwd', '/etc/passwd', 'a/../../b.json', 'a\\b.json'])
      expect(jobDataSchema.safeParse({ ...shared, scenarioFile }).success).toBe(false);
    expect(jobDataSchema.safeParse({ ...shared, scenarioSha256: 'xyz' }).success).toBe(false);
    expect(jobDataSchema.safeParse({ ...shared, scenario: baseInput() }).success).toBe(false);
  });

  it('an inline job carries a valid scenario; a result its row figures', () => {
    expect(jobDataSchema.safeParse({ format: 1, transport: 'inline', name: 'v', options: { seed: 1 }, scenario: base() }).success).toBe(true);
    expect(jobDataSchema.safeParse({ format: 1, transport: 'inline', name: 'v', options: { seed: -1 }, scenario: base() }).success).toBe(false);
    expect(jobDataSchema.safeParse({ format: 1, transport: 'inline', name: 'v', options: {}, scenario: { ...baseInput(), teachers: 'none' } }).success).toBe(
      false,
    );
    expect(jobResultSchema.safeParse({ format: 1, key: 'solve-x', worker: 'w', status: 'failed', message: 'm', metrics: null }).success).toBe(true);
    expect(jobResultSchema.safeParse({ format: 1, key: 'solve-x', worker: 'w', status: 'done', metrics: null }).success).toBe(false);
  });
});

describe('queue options', () => {
  it('takes redis:// and rediss:// URLs with a password, and hides the password in messages', () => {
    expect(parseQueueConfig({ url: 'rediss://:s3cret@redis.internal:6380/2' })).toEqual({
      url: 'rediss://:s3cret@redis.internal:6380/2',
      name: 'pathway-scheduler',
    });
    expect(displayUrl('rediss://:s3cret@redis.internal:6380/2')).toBe('rediss://:***@redis.internal:6380/2');
    expect(displayUrl('redis://127.0.0.1:6379/0')).toBe('redis://127.0.0.1:6379/0');
  });

  it('refuses another scheme and a bad queue name, naming the field', () => {
    expect(() => parseQueueConfig({ url: 'http://127.0.0.1:6379' })).toThrow(InputError);
    expect(() => parseQueueConfig({ url: 'redis://' })).toThrow(/→ at url/);
    expect(() => parseQueueConfig({ url: 'redis://h:1/0', name: 'a:b' })).toThrow(/→ at name/);
  });
});

describe('shared storage', () => {
  it('stores a scenario under its digest and reads it back; a changed file is refused with its path', () => {
    const digest = storeScenario(dir, base());
    expect(digest).toBe(scenarioDigest(base()));
    expect(loadScenario(dir, `scenarios/${digest}.json`, digest)).toEqual(base());
    const file = join(dir, 'scenarios', `${digest}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"maxSections":2', '"maxSections":1'));
    expect(() => loadScenario(dir, `scenarios/${digest}.json`, digest)).toThrow(
      /scenarios\/[0-9a-f]{64}\.json in shared storage does not match the job's hash/,
    );
    expect(() => loadScenario(dir, 'scenarios/missing.json', digest)).toThrow(/cannot read the scenario .*missing\.json/);
  });

  it('a solution travels the same way', () => {
    const solution = { format: 'pathway-scheduler/solution@1' as const, scenario: 'x', sections: [], enrollments: {} };
    const ref = storeSolution(dir, 'solve-abc', solution);
    expect(ref.path).toBe('solutions/solve-abc.solution.json');
    expect(loadSolution(dir, ref)).toEqual(solution);
    expect(() => loadSolution(dir, { ...ref, sha256: '0'.repeat(64) })).toThrow(/does not match/);
  });
});

describe('why a job finally failed', () => {
  it('BullMQ’s reasons in the user’s words; others as they are', () => {
    expect(failureMessage('job stalled more than allowable limit')).toBe('the worker solving it stopped (killed, lost, or out of memory) on each of 3 tries');
    expect(failureMessage('no memory left')).toBe('no memory left');
  });
});
