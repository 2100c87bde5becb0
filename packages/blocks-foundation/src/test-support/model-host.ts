import { formattersPack } from '@flow/blocks-formatters';
import { createEngine, type Engine } from '@flow/engine';
import { createProviderRegistry, type ProviderRegistry } from '@flow/providers-core';
import { createOpenAI } from '@flow/providers-openai';
import { createOpenRouter } from '@flow/providers-openrouter';
import { makePng, startFakeOpenAI, startFakeOpenRouter, type FakeVendor, type RecordedRequest } from '@flow/testing';
import { foundationPack } from '../pack.js';

export const OPENAI_TEST_KEY = 'sk-test-openai-0123456789';
export const OPENROUTER_TEST_KEY = 'sk-or-test-0123456789';

/** Fake OpenAI and OpenRouter on 127.0.0.1, the real providers pointed at them, and an engine with our blocks. */
export interface ModelHost {
  openai: FakeVendor;
  openrouter: FakeVendor;
  providers: ProviderRegistry;
  engine: Engine;
  run(definition: unknown, inputs: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<{ serialized: Array<Record<string, unknown>>; usage: Array<Record<string, unknown>> }>;
  close(): Promise<void>;
}

export async function startModelHost(options: { maxRetries?: number; timeoutMs?: number } = {}): Promise<ModelHost> {
  const openai = await startFakeOpenAI({ apiKey: OPENAI_TEST_KEY });
  const openrouter = await startFakeOpenRouter({ apiKey: OPENROUTER_TEST_KEY });
  const providers = createProviderRegistry(
    { openai: createOpenAI({ baseURL: openai.baseURL }), openrouter: createOpenRouter({ baseURL: openrouter.baseURL }) },
    { env: {}, cache: false, maxRetries: options.maxRetries ?? 2, backoff: { initialDelayMs: 1, maxDelayMs: 5 }, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
  );
  const engine = createEngine({ packs: [foundationPack, formattersPack] });
  return {
    openai,
    openrouter,
    providers,
    engine,
    async run(definition, inputs, runOptions = {}) {
      const usage: Array<Record<string, unknown>> = [];
      const workflow = engine.compile(definition);
      const outputs = await workflow.run(inputs, { services: { providers }, onUsage: (record) => usage.push({ ...record }), ...runOptions });
      return { serialized: workflow.serialize(outputs) as Array<Record<string, unknown>>, usage };
    },
    async close() {
      await Promise.all([openai.close(), openrouter.close()]);
    },
  };
}

/** A real PNG of the given size, as a workflow image input. */
export function pngInput(width: number, height: number, rgb?: [number, number, number]) {
  return { type: 'base64', value: makePng(width, height, rgb).toString('base64') };
}

/** The recorded chat-completions body. */
export function chatBody(request: RecordedRequest): { model: string; max_tokens?: number; temperature?: number; messages: Array<{ role: string; content: unknown }>; [key: string]: unknown } {
  return request.json as never;
}

/** The image parts of the user message of a recorded chat body. */
export function imageParts(request: RecordedRequest): Array<{ type: string; image_url: { url: string; detail?: string } }> {
  const user = chatBody(request).messages.find((message) => message.role === 'user');
  return Array.isArray(user?.content) ? (user.content as Array<{ type: string; image_url: { url: string; detail?: string } }>).filter((part) => part.type === 'image_url') : [];
}

/** The text parts of the user message of a recorded chat body. */
export function textParts(request: RecordedRequest): string[] {
  const user = chatBody(request).messages.find((message) => message.role === 'user');
  if (typeof user?.content === 'string') return [user.content];
  return Array.isArray(user?.content) ? (user.content as Array<{ type: string; text?: string }>).filter((part) => part.type === 'text').map((part) => part.text!) : [];
}

/** Width of the PNG in a recorded request's first image part (tests tell images apart by size). */
export function sentImageWidth(request: RecordedRequest): number {
  const url = imageParts(request)[0]?.image_url.url ?? '';
  const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  return bytes.readUInt32BE(16);
}
