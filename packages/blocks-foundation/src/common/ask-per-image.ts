import type { BlockContext } from '@flow/engine';
import type { GenerateOptions, GenerateResult, LanguageModel } from '@flow/providers-core';
import { describeModelFailure } from './model-failure.js';
import { mapPerImage } from './per-image.js';

/**
 * One `generate` call per element, at most `limit` in flight, answers in input order. Each call gets the
 * run's abort signal and reports its tokens to `context.usage`; a failure fails the step naming the
 * element, the vendor and its status.
 */
export function askPerImage<T>(
  model: LanguageModel,
  items: readonly T[],
  limit: number,
  context: BlockContext,
  request: (item: T, index: number) => Promise<Omit<GenerateOptions, 'signal' | 'usage'>> | Omit<GenerateOptions, 'signal' | 'usage'>,
): Promise<GenerateResult[]> {
  return mapPerImage(
    items,
    limit,
    context.signal,
    async (item, index) => model.generate({ ...(await request(item, index)), signal: context.signal, usage: context.usage }),
    describeModelFailure(context.step.name, model.provider),
  );
}
