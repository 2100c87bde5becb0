/**
 * Gemini models the blocks offer, as data (update here when Google ships a model). From the reference
 * blocks (`google_gemini/v1.py` ... `v4.py` of roboflow/inference): the `model_version` values per
 * version, which models take `thinking_level` (Gemini 3+, which then ignore `temperature`) and which
 * can run code (`google_code_execution`, v3+), and the retired preview names mapped to current ones.
 */
export interface GeminiModel {
  id: string;
  name: string;
  supportsThinkingLevel: boolean;
  supportsCodeExecution: boolean;
}

export const GEMINI_MODELS: readonly GeminiModel[] = [
  { id: 'gemini-3.7-flash', name: 'Gemini 3.7 Flash', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-3.6-flash', name: 'Gemini 3.6 Flash', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-3.5-flash', name: 'Gemini 3.5 Flash', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-3.5-flash-lite', name: 'Gemini 3.5 Flash-Lite', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-3.1-pro-preview', name: 'Gemini 3.1 Pro', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-3.1-flash-lite', name: 'Gemini 3.1 Flash-Lite', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-3-flash-preview', name: 'Gemini 3 Flash', supportsThinkingLevel: true, supportsCodeExecution: true },
  { id: 'gemini-2.5-pro', name: 'Gemini 2.5 Pro', supportsThinkingLevel: false, supportsCodeExecution: false },
  { id: 'gemini-2.5-flash', name: 'Gemini 2.5 Flash', supportsThinkingLevel: false, supportsCodeExecution: false },
  { id: 'gemini-2.5-flash-lite', name: 'Gemini 2.5 Flash-Lite', supportsThinkingLevel: false, supportsCodeExecution: false },
];

/** Retired preview names a saved definition may still hold; every version rewrites them. */
export const GEMINI_MODEL_ALIASES: Readonly<Record<string, string>> = {
  'gemini-2.5-pro-preview-06-05': 'gemini-2.5-pro',
  'gemini-2.5-pro-preview-05-06': 'gemini-2.5-pro',
  'gemini-2.5-pro-preview-03-25': 'gemini-2.5-pro',
};

const V2_MODELS = ['gemini-3.5-flash', 'gemini-3.1-pro-preview', 'gemini-3.1-flash-lite', 'gemini-3-flash-preview', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite'] as const;

export const GEMINI_MODEL_VERSIONS = {
  1: ['gemini-3.1-pro-preview', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite'],
  2: V2_MODELS,
  3: GEMINI_MODELS.map((model) => model.id),
  4: GEMINI_MODELS.map((model) => model.id),
} as const satisfies Record<number, readonly string[]>;

const byId = new Map(GEMINI_MODELS.map((model) => [model.id, model]));

export function resolveGeminiModel(value: string): string {
  return GEMINI_MODEL_ALIASES[value] ?? value;
}

export function geminiSupportsThinkingLevel(id: string): boolean {
  return byId.get(id)?.supportsThinkingLevel ?? false;
}

export function geminiSupportsCodeExecution(id: string): boolean {
  return byId.get(id)?.supportsCodeExecution ?? false;
}

export function geminiModelMetadata(ids: readonly string[]): Record<string, { name: string }> {
  return Object.fromEntries(ids.map((id) => [id, { name: byId.get(id)?.name ?? id }]));
}
