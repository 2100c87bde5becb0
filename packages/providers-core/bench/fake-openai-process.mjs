// Runs the fake OpenAI server in its own process, so its CPU work (parsing 256 image bodies) does not share the
// bench's event loop. Usage: node fake-openai-process.mjs '<FakeVendorOptions as JSON>'; prints the base URL.
import { startFakeOpenAI } from '@flow/testing';

const server = await startFakeOpenAI(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`${server.baseURL}\n`);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
