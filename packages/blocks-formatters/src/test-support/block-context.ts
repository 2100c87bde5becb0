import { silentLogger, type BlockContext } from '@flow/engine';

/** Failures a block logged while running (its `context.logger.warn` calls). */
export interface RecordedWarning {
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** A plain context for calling `block.run` directly; `warnings` collects what the block logged. */
export function blockContext(type: string): BlockContext & { warnings: RecordedWarning[] } {
  const warnings: RecordedWarning[] = [];
  return {
    signal: new AbortController().signal,
    logger: { ...silentLogger, warn: (message, fields) => warnings.push({ message, fields }) },
    services: {},
    usage: { record() {} },
    step: { name: 's', type },
    warnings,
  };
}
