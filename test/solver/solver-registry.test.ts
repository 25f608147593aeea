/**
 * The backend registry (solver/backends/index.ts) and the worker-thread helper both pools use
 * (solver/worker-thread.ts). A backend is one folder and one registry line: every folder under
 * solver/backends/ is registered under its folder's name and nothing else is; the scenario schema,
 * and so the CLI's `--solver` choices, accept exactly the registry's names; each entry loads an
 * adapter. The conformance suite (solver-conformance.test.ts) runs on every registered backend.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKEND_NAMES, backendCapabilities, loadBackend } from '../../solver/backends/index.js';
import type { BackendEntry } from '../../solver/backend.js';
import { spawnWorkerThread, type WorkerThread } from '../../solver/worker-thread.js';
import { SOLVER_NAMES } from '../../src/scenario/schema.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';

const backendsDir = new URL('../../solver/backends/', import.meta.url);
const tinySchool = (): { policy?: object } => JSON.parse(readFileSync(new URL('../../fixtures/tiny-ab.json', import.meta.url), 'utf8')) as { policy?: object };

describe('the backend registry', () => {
  it('registers every backend folder under its folder name, and nothing else', async () => {
    const folders = readdirSync(backendsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...BACKEND_NAMES].sort()).toEqual(folders);
    for (const folder of folders) {
      const exported = Object.values((await import(new URL(`${folder}/index.ts`, backendsDir).href)) as Record<string, BackendEntry>);
      expect(exported.map((e) => e.name)).toEqual([folder]);
      expect(backendCapabilities(folder as (typeof BACKEND_NAMES)[number])).toBe(exported[0]?.capabilities);
    }
  });

  it('gives the scenario schema its solver names', () => {
    expect(SOLVER_NAMES).toEqual(BACKEND_NAMES);
    for (const solver of BACKEND_NAMES) {
      const input = tinySchool();
      expect(parseScenario({ ...input, policy: { ...input.policy, solver } }).policy.solver).toBe(solver);
    }
    const input = tinySchool();
    let error: unknown;
    try {
      parseScenario({ ...input, policy: { ...input.policy, solver: 'cplex' } }, 'school.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      `✖ not an accepted value → at policy.solver\n    fix: use one of ${BACKEND_NAMES.map((n) => `"${n}"`).join(', ')}`,
    );
  });

  it('loads each backend adapter by name, with a healthy runtime before any solve', async () => {
    for (const name of BACKEND_NAMES) {
      const backend = await loadBackend(name);
      expect(typeof backend.solve).toBe('function');
      expect(backend.poisoned()).toBe(false);
    }
  });
});

describe('spawnWorkerThread', () => {
  const threads: WorkerThread[] = [];
  const spawn = (): WorkerThread => {
    const t = spawnWorkerThread(new URL('../helpers/echo-thread.js', import.meta.url));
    threads.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((t) => t.terminate()));
  });

  it('starts the TypeScript entry from sources, and passes messages both ways until unsubscribed', async () => {
    const thread = spawn();
    const seen: unknown[] = [];
    const first = new Promise<unknown>((resolve) => {
      const stop = thread.onMessage((m) => {
        seen.push(m);
        stop();
        resolve(m);
      });
    });
    thread.worker.postMessage('hello');
    expect(await first).toEqual({ echo: 'hello' });
    const second = new Promise<unknown>((resolve) => thread.onMessage(resolve));
    thread.worker.postMessage('again');
    expect(await second).toEqual({ echo: 'again' });
    expect(seen).toEqual([{ echo: 'hello' }]);
    expect(thread.dead).toBe(false);
  });

  it('reports an exit with its code and marks the thread dead', async () => {
    const thread = spawn();
    thread.worker.postMessage('exit:7');
    expect(await thread.failure).toEqual({ kind: 'exit', code: 7 });
    expect(thread.dead).toBe(true);
  });

  it('reports an uncaught error in the thread as its failure', async () => {
    const thread = spawn();
    thread.worker.postMessage('throw');
    const failure = await thread.failure;
    expect(failure.kind).toBe('error');
    expect(failure.kind === 'error' && failure.error instanceof Error ? failure.error.message : '').toBe('thrown on purpose in the echo thread');
    expect(thread.dead).toBe(true);
  });

  it('terminate() ends the thread for good: dead at once, its failure then settles', async () => {
    const thread = spawn();
    const stopped = thread.terminate();
    expect(thread.dead).toBe(true);
    await stopped;
    expect((await thread.failure).kind).toBe('exit');
  });
});
