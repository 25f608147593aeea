/**
 * Content addresses: a job's id is the SHA-256 of what decides its result (the scenario's
 * content and the solve options that change the schedule: time limit, seed, solver), so the same
 * solve submitted twice is one job and one stored result, whatever the variant is called.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/schema.js';
import type { QueueSolveOptions } from './messages.js';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** The scenario as stored in shared storage and hashed: its canonical JSON. */
export const scenarioText = (scenario: Scenario): string => canonicalJson(scenario);

/** The SHA-256 of the scenario's canonical JSON (hex). */
export const scenarioDigest = (scenario: Scenario): string => sha256(scenarioText(scenario));

/**
 * The job id (and result key) of a solve: `solve-` + SHA-256 over the scenario digest and the
 * options. Not a number and free of `:`, as BullMQ requires of custom job ids.
 */
export function jobKey(scenarioSha256: string, options: QueueSolveOptions): string {
  return `solve-${sha256(canonicalJson({ format: 1, scenario: scenarioSha256, options }))}`;
}

/** Redis keys this package keeps beside BullMQ's own, under the same `bull:<queue>` prefix. */
export const redisKeys = {
  /** The stored result of a job (JSON), written once. */
  result: (queue: string, key: string) => `bull:${queue}:pathway:result:${key}`,
  /** Set by a submitter that gave up on a job (Ctrl-C); a worker running it stops. */
  cancel: (queue: string, key: string) => `bull:${queue}:pathway:cancel:${key}`,
};
