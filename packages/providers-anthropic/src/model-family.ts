/**
 * Whether a Claude model still takes sampling parameters (`temperature`, `top_k`). They were removed from the
 * request surface at Opus 4.7: sending them there, and on every later model, is a 400 ("`temperature` is deprecated
 * for this model"), and SDK 1.x no longer types them. Claude 2/3, and the 4 line up to 4.6 (Haiku up to 4.5), keep
 * them. Unknown ids are treated as newer models.
 */
export function acceptsSampling(modelId: string): boolean {
  const id = modelId.toLowerCase();
  if (/^claude-(2|3|instant)/.test(id)) return true;
  const match = /^claude-(opus|sonnet|haiku)-(\d+)(?:-(\d{1,2})(?!\d))?/.exec(id);
  if (!match) return false;
  const major = Number(match[2]);
  const minor = Number(match[3] ?? 0);
  if (major < 4) return true;
  if (major > 4) return false;
  return match[1] === 'haiku' ? minor <= 5 : minor <= 6;
}

/**
 * `max_tokens` when a call sets none. Newer models think by default and `max_tokens` bounds thinking and answer
 * together, so they get more room (which also means streaming, see `STREAMING_MAX_TOKENS`).
 */
export function defaultMaxTokens(modelId: string): number {
  return acceptsSampling(modelId) ? 4096 : 16_000;
}

/**
 * Whether the model takes native structured output (`output_config.format`): Opus 4.1+, Sonnet 4.5+, Haiku 4.5+
 * and everything newer. Claude 3 and the first Claude 4 models get the forced-tool form instead.
 */
export function supportsNativeStructuredOutput(modelId: string): boolean {
  const id = modelId.toLowerCase();
  if (/^claude-(2|3|instant)/.test(id)) return false;
  const match = /^claude-(opus|sonnet|haiku)-(\d+)(?:-(\d{1,2})(?!\d))?/.exec(id);
  if (!match) return true;
  const major = Number(match[2]);
  const minor = Number(match[3] ?? 0);
  if (major !== 4) return major > 4;
  return match[1] === 'opus' ? minor >= 1 : minor >= 5;
}
