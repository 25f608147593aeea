/**
 * A worker-thread entry for the tests of solver/worker-thread.ts: echoes each message, exits with
 * the code after `exit:`, or throws an uncaught error on `throw`.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('echo-thread.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (message: unknown) => {
  if (typeof message === 'string' && message.startsWith('exit:')) process.exit(Number(message.slice('exit:'.length)));
  if (message === 'throw') throw new Error('thrown on purpose in the echo thread');
  port.postMessage({ echo: message });
});
