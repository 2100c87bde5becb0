// The two baselines of `pnpm bench`, each a bare Fastify app in its own process (like the server):
//   echo   - parses the same body and answers a fixed response of the server's size;
//   engine - runs the same workflow compiled once through the library API, and nothing around it.
// Started by bench/index.ts; it receives { mode, response? } and prints its URL over IPC.
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { stringifyJson } from '@flow/kinds';
import Fastify from 'fastify';
import { benchWorkflow } from './bench-workflow.js';

const { mode, response } = await new Promise<{ mode: 'echo' | 'engine'; response?: string }>((resolve) => process.once('message', (message) => resolve(message as { mode: 'echo' | 'engine'; response?: string })));
const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });

if (mode === 'echo') {
  app.post('/workflows/run', async (request, reply) => {
    if (typeof (request.body as { specification?: unknown }).specification !== 'object') throw new Error('no specification');
    return reply.header('content-type', 'application/json; charset=utf-8').send(response);
  });
} else {
  const workflow = createEngine({ packs: [formattersPack] }).compile(benchWorkflow);
  // The same bytes as the server: a library user who wants the reference's floats (`2.0`) writes with stringifyJson.
  app.setReplySerializer((payload) => stringifyJson(payload));
  app.post('/workflows/run', async (request) => {
    const { inputs } = request.body as { inputs: Record<string, unknown> };
    return { outputs: workflow.serialize(await workflow.run(inputs)), profiler_trace: [] };
  });
}

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url: address });
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
