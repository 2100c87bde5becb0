import type { Kind } from '@flow/kinds';
import { BlockRegistry } from './block/block-registry.js';
import type { BlockPack } from './block/define-block-pack.js';
import { CompiledWorkflow } from './compiled-workflow.js';
import { compileDefinition } from './compiler/compile.js';
import { EXECUTION_ENGINE_VERSION } from './definition/engine-version.js';
import { definitionJsonSchema } from './describe/definition-json-schema.js';
import { describeBlocks } from './describe/describe-blocks.js';
import { WorkflowCompilationError, type CompilationProblem } from './errors/compilation-error.js';
import type { RunOptions } from './executor/run-options.js';
import { loadBlockPacks, parsePluginList } from './plugins/load-block-packs.js';

export interface EngineOptions {
  /** Block packs to register, in order; a clash of ids or kind names is an error. */
  packs?: readonly BlockPack[];
  /** Extra kinds outside any pack. */
  kinds?: readonly Kind[];
  /** Defaults for every run of workflows compiled by this engine. */
  runDefaults?: RunOptions;
}

export interface Engine {
  /** The execution engine version definitions are checked against. */
  readonly version: string;
  readonly registry: BlockRegistry;
  /** Checks a definition and returns a runnable workflow; throws `WorkflowCompilationError` with every problem. */
  compile(definition: unknown): CompiledWorkflow;
  /** Like `compile`, but returns the problems instead of throwing. */
  validate(definition: unknown): { ok: true; workflow: CompiledWorkflow } | { ok: false; problems: CompilationProblem[]; error: WorkflowCompilationError };
  /** The reference blocks-describe document. */
  describeBlocks(): ReturnType<typeof describeBlocks>;
  /** JSON Schema of a definition using the registered blocks. */
  definitionSchema(): Record<string, unknown>;
}

/** Builds an engine over explicitly given block packs. */
export function createEngine(options: EngineOptions = {}): Engine {
  const registry = new BlockRegistry();
  for (const pack of options.packs ?? []) registry.register(pack);
  if (options.kinds?.length) registry.register({ name: 'engine-options', blocks: [], kinds: options.kinds });
  let describeCache: ReturnType<typeof describeBlocks> | undefined;
  let schemaCache: Record<string, unknown> | undefined;
  const compile = (definition: unknown) => new CompiledWorkflow(compileDefinition(definition, registry), registry, options.runDefaults);
  return {
    version: EXECUTION_ENGINE_VERSION,
    registry,
    compile,
    validate(definition) {
      try {
        return { ok: true, workflow: compile(definition) };
      } catch (error) {
        if (error instanceof WorkflowCompilationError) return { ok: false, problems: error.problems, error };
        throw error;
      }
    },
    describeBlocks: () => (describeCache ??= describeBlocks(registry)),
    definitionSchema: () => (schemaCache ??= definitionJsonSchema(registry)),
  };
}

export interface EngineFromEnvironmentOptions extends EngineOptions {
  /** Module specifiers of packs to import, besides `FLOW_PLUGINS`. */
  plugins?: readonly string[];
  /** Where package names are resolved from (default: the working directory). */
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/** Builds an engine over the given packs plus those named by `plugins` and `FLOW_PLUGINS`. */
export async function createEngineWithPlugins(options: EngineFromEnvironmentOptions = {}): Promise<Engine> {
  const env = options.env ?? process.env;
  const specifiers = [...(options.plugins ?? []), ...parsePluginList(env.FLOW_PLUGINS)];
  const loaded = await loadBlockPacks([...new Set(specifiers)], { cwd: options.cwd });
  return createEngine({ ...options, packs: [...(options.packs ?? []), ...loaded] });
}
