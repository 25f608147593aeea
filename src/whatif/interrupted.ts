/** The messages of rows stopped before their solve finished, the same for the local pool and the queue. */
export const INTERRUPTED = 'stopped before the solve finished';
export const NOT_STARTED = 'not started before the comparison was stopped';
