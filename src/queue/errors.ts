/** The queue could not be reached for longer than the submitter's patience; nothing was written. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}
