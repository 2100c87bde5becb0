/**
 * Claude models the blocks offer, as data (update here when Anthropic ships a model). From the reference
 * blocks (`anthropic_claude/v1.py` ... `v3.py` of roboflow/inference): the `model_version` labels, the
 * exact model id each label sends, and (v2+) each model's output-token ceiling, which is the default
 * `max_tokens` and, halved, the default thinking budget.
 */
export interface ClaudeModel {
  id: string;
  name: string;
  exactVersion: string;
  maxOutputTokens: number;
}

export const CLAUDE_MODELS: readonly ClaudeModel[] = [
  { id: 'claude-fable-5', name: 'Claude Fable 5', exactVersion: 'claude-fable-5', maxOutputTokens: 128000 },
  { id: 'claude-opus-4-7', name: 'Claude Opus 4.7', exactVersion: 'claude-opus-4-7', maxOutputTokens: 128000 },
  { id: 'claude-opus-4-6', name: 'Claude Opus 4.6', exactVersion: 'claude-opus-4-6', maxOutputTokens: 128000 },
  { id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6', exactVersion: 'claude-sonnet-4-6', maxOutputTokens: 64000 },
  { id: 'claude-sonnet-4-5', name: 'Claude Sonnet 4.5', exactVersion: 'claude-sonnet-4-5-20250929', maxOutputTokens: 64000 },
  { id: 'claude-haiku-4-5', name: 'Claude Haiku 4.5', exactVersion: 'claude-haiku-4-5-20251001', maxOutputTokens: 64000 },
  { id: 'claude-opus-4-5', name: 'Claude Opus 4.5', exactVersion: 'claude-opus-4-5-20251101', maxOutputTokens: 64000 },
  { id: 'claude-sonnet-4', name: 'Claude Sonnet 4', exactVersion: 'claude-sonnet-4-20250514', maxOutputTokens: 64000 },
  { id: 'claude-opus-4-1', name: 'Claude Opus 4.1', exactVersion: 'claude-opus-4-1-20250805', maxOutputTokens: 32000 },
  { id: 'claude-opus-4', name: 'Claude Opus 4', exactVersion: 'claude-opus-4-20250514', maxOutputTokens: 32000 },
];

/** Output-token ceiling assumed for a model the catalogue does not know (v2+). */
export const DEFAULT_CLAUDE_MAX_OUTPUT_TOKENS = 64000;

/** v1's labels and the ids they send; v1 also offers retired Claude 3 labels, some remapped to Sonnet 4.5. */
export const CLAUDE_V1_MODEL_IDS: Readonly<Record<string, string>> = {
  'claude-fable-5': 'claude-fable-5',
  'claude-opus-4-7': 'claude-opus-4-7',
  'claude-opus-4-6': 'claude-opus-4-6',
  'claude-sonnet-4-6': 'claude-sonnet-4-6',
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-opus-4-1': 'claude-opus-4-1-20250805',
  'claude-opus-4': 'claude-opus-4-20250514',
  'claude-sonnet-4': 'claude-sonnet-4-20250514',
  'claude-3-7-sonnet': 'claude-3-7-sonnet-20250219',
  'claude-3-5-sonnet-v2': 'claude-sonnet-4-5-20250929',
  'claude-4-5-sonnet-v2': 'claude-sonnet-4-5-20250929',
  'claude-3-5-haiku': 'claude-3-5-haiku-20241022',
  'claude-3-5-sonnet': 'claude-sonnet-4-5-20250929',
  'claude-4-5-sonnet': 'claude-sonnet-4-5-20250929',
  'claude-3-opus': 'claude-3-opus-20240229',
  'claude-3-haiku': 'claude-3-haiku-20240307',
};

/** v1's `model_version` literals (the mapping also resolves two labels the literal list does not offer). */
export const CLAUDE_V1_MODEL_VERSIONS = [
  'claude-fable-5', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-sonnet-4-6', 'claude-opus-4-5', 'claude-sonnet-4-5', 'claude-haiku-4-5',
  'claude-opus-4-1', 'claude-opus-4', 'claude-sonnet-4', 'claude-3-7-sonnet', 'claude-3-5-sonnet-v2', 'claude-3-5-haiku', 'claude-3-5-sonnet',
  'claude-3-opus', 'claude-3-haiku',
] as const;

const byId = new Map(CLAUDE_MODELS.map((model) => [model.id, model]));

/** v2+: the exact id for a label; unknown labels (from a selector) are sent as they are. */
export function claudeModelId(label: string): string {
  return byId.get(label)?.exactVersion ?? label;
}

export function claudeMaxOutputTokens(label: string): number {
  return byId.get(label)?.maxOutputTokens ?? DEFAULT_CLAUDE_MAX_OUTPUT_TOKENS;
}

export function claudeModelMetadata(): Record<string, { name: string }> {
  return Object.fromEntries(CLAUDE_MODELS.map((model) => [model.id, { name: model.name }]));
}
