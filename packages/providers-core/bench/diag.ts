import { createOpenAI } from '../../providers-openai/src/index.js';
import { createProviderRegistry, resetProviderLimiters } from '../src/index.js';
import { distinctSmallJpegs } from './bench-images.js';
import { startFakeOpenAIProcess } from './start-fake-process.js';
const fake = await startFakeOpenAIProcess({ latencyMs: 100 });
const images = await distinctSmallJpegs(256);
const openai = createOpenAI({ apiKey: 'sk', baseURL: fake.baseURL });
const direct = openai.languageModel('gpt-4o');
const req = (img: Uint8Array) => ({ content: [{ type: 'text' as const, text: 'x' }, { type: 'image' as const, data: img, mediaType: 'image/jpeg' }], maxTokens: 5 });
async function pool(c: number, f: (img: Uint8Array) => Promise<unknown>) {
  let next = 0; const cpu = process.cpuUsage(); const t = performance.now();
  await Promise.all(Array.from({ length: c }, async () => { while (next < images.length) await f(images[next++]!); }));
  const used = process.cpuUsage(cpu);
  return `wall ${(performance.now() - t).toFixed(0)} cpu/req ${((used.user + used.system) / 1000 / images.length).toFixed(2)} ms`;
}
for (let round = 0; round < 2; round++) {
  console.log('direct c32', await pool(32, (img) => direct.generate(req(img))));
  resetProviderLimiters();
  const wrapped = createProviderRegistry({ openai }, { env: {}, cache: false, limits: { openai: { maxConcurrency: 32 } } }).languageModel('openai', 'gpt-4o');
  console.log('registry c32', await pool(32, (img) => wrapped.generate(req(img))));
  let t = performance.now(); const cpu = process.cpuUsage();
  await Promise.all(images.map((img) => wrapped.generate(req(img))));
  const used = process.cpuUsage(cpu);
  console.log('registry all-at-once', (performance.now() - t).toFixed(0), ((used.user + used.system) / 1000 / images.length).toFixed(2));
}
await fake.stop();
