import { z } from 'zod';

export const modelPermissionSchema = z.object({
  id: z.string(),
  object: z.literal('model_permission'),
  created: z.int(),
  allow_create_engine: z.boolean(),
  allow_sampling: z.boolean(),
  allow_logprobs: z.boolean(),
  allow_search_indices: z.boolean(),
  allow_view: z.boolean(),
  allow_fine_tuning: z.boolean(),
  organization: z.string(),
  group: z.string().nullable(),
  is_blocking: z.boolean(),
});

export const modelCardSchema = z.object({
  id: z.string(),
  object: z.literal('model'),
  created: z.int(),
  owned_by: z.string(),
  root: z.string().nullable().optional(),
  /** Set for LoRA adapters: the base model's name. */
  parent: z.string().nullable().optional(),
  /** The per-prompt token limit (text plus media tokens); `null` for adapters. */
  max_model_len: z.int().nullable().optional(),
  permission: z.array(modelPermissionSchema).optional(),
});

export const modelsResponseSchema = z.object({
  object: z.literal('list'),
  data: z.array(modelCardSchema),
});

export type ModelCard = z.output<typeof modelCardSchema>;
export type ModelsResponse = z.output<typeof modelsResponseSchema>;

export const versionResponseSchema = z.object({ version: z.string() });
export type VersionResponse = z.output<typeof versionResponseSchema>;
