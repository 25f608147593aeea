/** Connections to the queue: ioredis clients that BullMQ uses. */
import { Redis } from 'ioredis';
import type { QueueConfig } from './config.js';

/** A connection and the last error it saw (ioredis reconnects by itself; this keeps the reason for messages). */
export interface QueueConnection {
  readonly redis: Redis;
  readonly lastError: () => string | null;
}

/**
 * Opens an ioredis client on the queue. `forWorker`: BullMQ workers need commands that wait
 * through a reconnection (`maxRetriesPerRequest: null`); a submitter's commands fail quickly
 * instead, so it can tell the user that the queue is gone.
 */
export function openConnection(config: QueueConfig, forWorker: boolean): QueueConnection {
  const password = new URL(config.url).password === '' ? process.env['REDIS_PASSWORD'] : undefined;
  const redis = new Redis(config.url, {
    maxRetriesPerRequest: forWorker ? null : 1,
    // Reconnect every second at most: a restarted Redis is found again quickly.
    retryStrategy: (times) => Math.min(1000, 100 * times),
    ...(password ? { password } : {}),
  });
  let last: string | null = null;
  // Without a listener ioredis prints every failed reconnection; the reason is kept for the messages instead.
  redis.on('error', (err: Error) => {
    last = err.message;
  });
  redis.on('ready', () => {
    last = null;
  });
  return { redis, lastError: () => last };
}
