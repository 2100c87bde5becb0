// Runs the fake vLLM server in its own process, so its CPU work does not share the bench's event loop.
// Usage: node fake-vllm-process.mjs '<FakeVllmOptions as JSON>'; prints the server URL on stdout.
import { startFakeVllm } from '@flow/testing';

const server = await startFakeVllm(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
