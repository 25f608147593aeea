/**
 * A queue worker in its own process for the tests, started through the library (the CLI's
 * `worker` command cannot make its solves hang on purpose). Arguments: one JSON object of
 * StartWorkerOptions without callbacks. Prints one line per worker event on stdout.
 */
import { startWorker, type StartWorkerOptions } from '../../src/queue/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as StartWorkerOptions;
const worker = await startWorker({ ...options, onEvent: (e) => process.stdout.write(`${JSON.stringify(e)}\n`) });
process.stdout.write(`${JSON.stringify({ kind: 'ready', name: worker.name })}\n`);
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
