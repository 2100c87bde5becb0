import { literalOrSelector } from '@flow/engine';
import { secretKind, stringKind } from '@flow/kinds';
import { z } from 'zod';

/** `lmm_config` of the LMM blocks (reference defaults: 450 tokens, `auto` detail, `gpt-4o`). */
export const lmmConfigSchema = z
  .object({
    max_tokens: z.int().gt(0).default(450).describe('Most tokens the model may answer with.'),
    gpt_image_detail: z.enum(['low', 'high', 'auto']).default('auto').describe("OpenAI's image detail: `low` is cheaper, `high` reads small text."),
    gpt_model_version: z.string().min(1).default('gpt-4o').describe('The OpenAI model to ask.'),
  })
  .describe('Model settings.');

export type LmmConfig = z.output<typeof lmmConfigSchema>;

/** The one LMM type left: GPT through OpenAI (the reference removed CogVLM). */
export const GPT_LMM_TYPE = 'gpt_4v';

/** The reference's words for any other type (a selector can still deliver one at run time). */
export const UNSUPPORTED_LMM_TYPE_MESSAGE = 'CogVLM has been removed from the Roboflow Core Models.';

/** Properties shared by `lmm@v1` and `lmm_for_classification@v1` besides images and the task's own. */
export function gptStepProperties() {
  return {
    lmm_type: literalOrSelector(z.literal(GPT_LMM_TYPE), [stringKind], { description: 'Which model family to ask; only `gpt_4v` (OpenAI) is left.' }),
    lmm_config: lmmConfigSchema.default({ max_tokens: 450, gpt_image_detail: 'auto', gpt_model_version: 'gpt-4o' }),
    remote_api_key: literalOrSelector(z.string(), [stringKind, secretKind], {
      description: 'OpenAI API key. Empty or a Roboflow-managed placeholder (`rf_key:...`) uses OPENAI_API_KEY from the environment.',
    })
      .nullable()
      .optional()
      .meta({ private: true }),
  };
}

export const OPENAI_KEY_ENV = ['OPENAI_API_KEY'] as const;
