import { prepareImage, type GenerateOptions } from '@flow/providers-core';
import type { GeminiProviderOptions } from './gemini-options.js';
import { GEMINI_IMAGE_LIMITS } from './image-limits.js';
import { jsonSchemaToGemini } from './json-schema-to-gemini.js';

type Part = { text: string } | { inlineData: { mimeType: string; data: string } };

/** The `generateContent` body, plus the schema keywords the OpenAPI subset could not carry. */
export interface GeminiRequest {
  body: Record<string, unknown>;
  droppedSchemaKeywords: string[];
}

/**
 * One user turn with `text` and `inlineData` parts in order, the system prompt as `systemInstruction`, and
 * `generationConfig` (`maxOutputTokens`, `temperature`, `responseMimeType`, `responseSchema` or
 * `responseJsonSchema`, `thinkingConfig`, ...).
 */
export async function buildGeminiRequest(options: GenerateOptions, vendor: GeminiProviderOptions): Promise<GeminiRequest> {
  const parts: Part[] = [];
  for (const part of options.content) {
    if (part.type === 'text') {
      parts.push({ text: part.text });
    } else {
      const prepared = await prepareImage(part, GEMINI_IMAGE_LIMITS);
      parts.push({ inlineData: { mimeType: prepared.mediaType, data: Buffer.from(prepared.data.buffer, prepared.data.byteOffset, prepared.data.byteLength).toString('base64') } });
    }
  }
  const body: Record<string, unknown> = { contents: [{ role: 'user', parts }] };
  if (options.system !== undefined && options.system !== '') body['systemInstruction'] = { parts: [{ text: options.system }] };
  if (vendor.safetySettings !== undefined) body['safetySettings'] = vendor.safetySettings;

  const config: Record<string, unknown> = {};
  if (options.maxTokens !== undefined) config['maxOutputTokens'] = options.maxTokens;
  if (options.temperature !== undefined) config['temperature'] = options.temperature;
  if (vendor.topP !== undefined) config['topP'] = vendor.topP;
  if (vendor.topK !== undefined) config['topK'] = vendor.topK;
  if (vendor.mediaResolution !== undefined) config['mediaResolution'] = vendor.mediaResolution;
  let droppedSchemaKeywords: string[] = [];
  const format = options.responseFormat;
  if (format?.type === 'json') {
    config['responseMimeType'] = 'application/json';
    if (format.schema !== undefined && vendor.schemaForm === 'json-schema') {
      config['responseJsonSchema'] = format.schema;
    } else if (format.schema !== undefined) {
      const converted = jsonSchemaToGemini(format.schema);
      config['responseSchema'] = converted.schema;
      droppedSchemaKeywords = converted.dropped;
    }
  }
  const thinking: Record<string, unknown> = {};
  if (vendor.thinkingBudget !== undefined) thinking['thinkingBudget'] = vendor.thinkingBudget;
  if (vendor.thinkingLevel !== undefined) thinking['thinkingLevel'] = vendor.thinkingLevel;
  if (Object.keys(thinking).length > 0) config['thinkingConfig'] = thinking;
  if (Object.keys(config).length > 0) body['generationConfig'] = config;
  return { body, droppedSchemaKeywords };
}
