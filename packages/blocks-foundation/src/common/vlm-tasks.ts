/**
 * The task types of the VLM blocks (reference §0.5; the vendor blocks and Llama 3.2 Vision alike): what each
 * needs, how editors label it, and which parser reads its answer. The prompts for each task are in
 * `task-prompts.ts`.
 */
export const VLM_TASK_TYPES = [
  'unconstrained',
  'ocr',
  'structured-answering',
  'classification',
  'multi-label-classification',
  'visual-question-answering',
  'caption',
  'detailed-caption',
  'object-detection',
] as const;

export type VlmTaskType = (typeof VLM_TASK_TYPES)[number];

/** Editor labels (`values_metadata` of `task_type`): the reference's names, our descriptions. */
export const VLM_TASK_METADATA: Record<VlmTaskType, { name: string; description: string }> = {
  unconstrained: { name: 'Open Prompt', description: 'Send your own prompt and get the raw answer' },
  ocr: { name: 'Text Recognition (OCR)', description: 'The model reads the text in the image' },
  'structured-answering': { name: 'Structured Output Generation', description: 'The model answers with a JSON object holding the fields you describe' },
  classification: { name: 'Single-Label Classification', description: 'The model picks the one class from your list that fits the image best' },
  'multi-label-classification': { name: 'Multi-Label Classification', description: 'The model picks every class from your list that is present in the image' },
  'visual-question-answering': { name: 'Visual Question Answering', description: 'The model answers the question in your prompt' },
  caption: { name: 'Captioning (short)', description: 'The model describes the image in a sentence' },
  'detailed-caption': { name: 'Captioning', description: 'The model describes the image at length' },
  'object-detection': { name: 'Unprompted Object Detection', description: 'The model boxes the objects of the classes you list' },
};

export const TASKS_REQUIRING_PROMPT: ReadonlySet<VlmTaskType> = new Set(['unconstrained', 'visual-question-answering']);
export const TASKS_REQUIRING_OUTPUT_STRUCTURE: ReadonlySet<VlmTaskType> = new Set(['structured-answering']);
/** Every version with `object-detection` also requires classes for it. */
export const TASKS_REQUIRING_CLASSES: ReadonlySet<VlmTaskType> = new Set(['classification', 'multi-label-classification', 'object-detection']);

/** The parser blocks a task's answer is meant for (`recommended_parsers`), per formatter generation. */
export function recommendedParsers(generation: 1 | 2, tasks: readonly VlmTaskType[]): Record<string, string> {
  const parsers: Record<string, string> = {
    'structured-answering': 'roboflow_core/json_parser@v1',
    classification: `roboflow_core/vlm_as_classifier@v${generation}`,
    'multi-label-classification': `roboflow_core/vlm_as_classifier@v${generation}`,
    'object-detection': `roboflow_core/vlm_as_detector@v${generation}`,
  };
  return Object.fromEntries(Object.entries(parsers).filter(([task]) => tasks.includes(task as VlmTaskType)));
}

/** The reference's name for the type (`VlmTask` in earlier releases). */
export type VlmTask = VlmTaskType;

const REQUIRED_FIELD_OF_TASK: ReadonlyArray<[ReadonlySet<VlmTaskType>, 'prompt' | 'classes' | 'output_structure']> = [
  [TASKS_REQUIRING_PROMPT, 'prompt'],
  [TASKS_REQUIRING_CLASSES, 'classes'],
  [TASKS_REQUIRING_OUTPUT_STRUCTURE, 'output_structure'],
];

type TaskFieldValues = { prompt?: unknown; classes?: unknown; output_structure?: unknown };

/** The field a task needs that is unset, and the reference's message for it (verbatim: users search for it). */
export function unsetTaskField(task: VlmTaskType, parameters: TaskFieldValues): { field: 'prompt' | 'classes' | 'output_structure'; message: string } | undefined {
  for (const [tasks, field] of REQUIRED_FIELD_OF_TASK) {
    if (tasks.has(task) && (parameters[field] === undefined || parameters[field] === null)) {
      return { field, message: `\`${field}\` parameter required to be set for task \`${task}\`` };
    }
  }
  return undefined;
}

/** The reference's message for the field a task needs that is unset; undefined when it has what it needs. */
export function missingTaskField(task: VlmTaskType, parameters: TaskFieldValues): string | undefined {
  return unsetTaskField(task, parameters)?.message;
}
