/**
 * How often a job is tried, and the words for why it finally failed. A try ends without a result
 * when its variant worker thread crashes or its watchdog fires (the job fails and BullMQ retries
 * it), or when the whole worker process dies (its lock expires, BullMQ's stalled-job check puts
 * the job back in the queue for another worker). Both together are capped: a job is started at
 * most {@link ATTEMPTS} times; after that its row reads `failed: <reason>`.
 */

/** Tries of one job, counted as starts on a worker (crashes and dead workers alike). */
export const ATTEMPTS = 3;

/** Seconds before a job that failed is tried again (BullMQ fixed backoff). */
export const RETRY_DELAY_SECONDS = 1;

/** The failure reason of a job whose submitter cancelled it (Ctrl-C). */
export const CANCELLED = 'cancelled by its submitter';

/** BullMQ's reasons for giving up, in the user's words. */
const BULLMQ_REASONS: Readonly<Record<string, string>> = {
  'job stalled more than allowable limit': `the worker solving it stopped (killed, lost, or out of memory) on each of ${ATTEMPTS} tries`,
  'job started more than allowable limit': `started ${ATTEMPTS} times without finishing (workers stopped or crashed)`,
};

/** A failed job's reason as its row shows it. */
export function failureMessage(reason: string | undefined): string {
  if (!reason) return 'failed without a reason';
  return BULLMQ_REASONS[reason] ?? reason;
}
