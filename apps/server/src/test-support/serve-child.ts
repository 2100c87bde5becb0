// Started by shutdown.test.ts in a child process: a real server that a real SIGTERM stops.
import { startServer } from '../start-server.js';
import { serverTestPack } from './test-blocks.js';

const running = await startServer({ port: 0, env: { FLOW_SHUTDOWN_TIMEOUT_MS: '5000', FLOW_METRICS_DEFAULT: 'false', LOG_LEVEL: 'warn' }, packs: [serverTestPack] });
process.stdout.write(`LISTENING ${running.url}\n`);
