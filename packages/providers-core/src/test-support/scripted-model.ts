import { ProviderApiError } from '../errors/provider-api-error.js';
import { LANGUAGE_MODEL_SPECIFICATION_VERSION, type GenerateOptions, type GenerateResult, type LanguageModel } from '../model/language-model.js';
import type { Clock } from '../clock/clock.js';
import type { Provider } from '../registry/provider-registry.js';

/** What one call to the scripted model does. */
export type Step =
  | { kind: 'answer'; text?: string; finishReason?: GenerateResult['finishReason']; inputTokens?: number; outputTokens?: number }
  | { kind: 'fail'; status: number | null; retryAfterMs?: number; message?: string }
  /** Never answers; rejects with the signal's reason once aborted (like fetch). */
  | { kind: 'hang' }
  /** Waits until `release()` is called (or the signal aborts), then answers. */
  | { kind: 'gate' }
  /** Answers after `ms` on the model's clock (rejects if the signal aborts first). */
  | { kind: 'slow'; ms: number };

/** An in-process LanguageModel that plays a script, records every call and counts calls in flight. */
export class ScriptedModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPECIFICATION_VERSION;
  readonly provider: string;
  readonly modelId: string;
  readonly calls: GenerateOptions[] = [];
  inFlight = 0;
  maxInFlight = 0;
  #script: Step[];
  #fallback: Step;
  #gates: (() => void)[] = [];
  #clock: Clock | undefined;

  constructor({
    provider = 'openai',
    modelId = 'gpt-test',
    script = [],
    fallback = { kind: 'answer' },
    clock,
  }: { provider?: string; modelId?: string; script?: Step[]; fallback?: Step; clock?: Clock } = {}) {
    this.#clock = clock;
    this.provider = provider;
    this.modelId = modelId;
    this.#script = [...script];
    this.#fallback = fallback;
  }

  /** Lets every gated call answer. */
  release(): void {
    for (const open of this.#gates.splice(0)) open();
  }

  get gated(): number {
    return this.#gates.length;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    this.calls.push(options);
    const step = this.#script.shift() ?? this.#fallback;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (step.kind === 'hang' || step.kind === 'gate') {
        await new Promise<void>((resolve, reject) => {
          const signal = options.signal;
          if (signal?.aborted) return reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          if (step.kind === 'gate') this.#gates.push(resolve);
        });
      }
      if (step.kind === 'slow') {
        if (!this.#clock) throw new Error('a slow step needs the model to have a clock');
        await this.#clock.sleep(step.ms, options.signal);
      }
      if (step.kind === 'fail') {
        throw new ProviderApiError({
          provider: this.provider,
          message: step.message ?? `${this.provider} answered ${step.status ?? 'nothing'}`,
          status: step.status,
          isRetryable: step.status === null || [408, 409, 429].includes(step.status) || step.status >= 500,
          ...(step.retryAfterMs === undefined ? {} : { retryAfterMs: step.retryAfterMs }),
        });
      }
      const answer: Partial<Extract<Step, { kind: 'answer' }>> = step.kind === 'answer' ? step : {};
      return {
        text: answer.text ?? `answer ${this.calls.length}`,
        finishReason: answer.finishReason ?? 'stop',
        usage: { inputTokens: answer.inputTokens ?? 10, outputTokens: answer.outputTokens ?? 5 },
        model: `${this.modelId}-2025`,
        requestId: `req-${this.calls.length}`,
      };
    } finally {
      this.inFlight -= 1;
    }
  }
}

/** A Provider serving one scripted model (whatever model id is asked, the settings are recorded). */
export function scriptedProvider(model: ScriptedModel): Provider & { settings: unknown[] } {
  const settings: unknown[] = [];
  return {
    id: model.provider,
    settings,
    languageModel(_modelId, given) {
      settings.push(given);
      return model;
    },
  };
}

export const text = (value: string) => ({ type: 'text', text: value }) as const;
