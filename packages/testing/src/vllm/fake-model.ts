import { hashNumbers } from './fake-tokenizer.js';

/**
 * The fake "network": deterministic logits and embeddings computed from token ids, so equal prompts always
 * give equal outputs and tests can compare a batched call with one-by-one calls.
 */
export function logitsFor(tokenIds: readonly number[], labelCount: number): number[] {
  const seed = hashNumbers(tokenIds);
  return Array.from({ length: labelCount }, (_, label) => (hashNumbers([label], seed) % 4001) / 1000 - 2);
}

/** vLLM's default classify activation: softmax for 2+ labels, sigmoid for a single label. */
export function activate(logits: readonly number[]): number[] {
  if (logits.length === 1) return logits.map((logit) => 1 / (1 + Math.exp(-logit)));
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/** A unit-length embedding (or the raw vector when `normalize` is false, like `use_activation: false`). */
export function embeddingFor(tokenIds: readonly number[], size: number, normalize = true): number[] {
  const seed = hashNumbers(tokenIds);
  const raw = Array.from({ length: size }, (_, i) => (hashNumbers([i], seed) % 2001) / 1000 - 1);
  if (!normalize) return raw;
  const norm = Math.sqrt(raw.reduce((total, value) => total + value * value, 0)) || 1;
  return raw.map((value) => value / norm);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return dot / (Math.sqrt(normA * normB) || 1);
}

/** float32 little-endian, base64: vLLM's `encoding_format: "base64"` with the default dtype. */
export function toBase64Float32(values: readonly number[]): string {
  return Buffer.from(new Float32Array(values).buffer).toString('base64');
}
