import { WorkflowError } from './workflow-error.js';

/** A block pack could not be imported, is malformed, or clashes with another (reference `PluginLoadingError`). */
export class BlockPackError extends WorkflowError {
  constructor({ code, message, cause, pack }: { code: string; message: string; cause?: unknown; pack?: string }) {
    super({
      code,
      message,
      errorType: code === 'BLOCK_PACK_INVALID' ? 'PluginInterfaceError' : 'PluginLoadingError',
      context: 'blocks_loading',
      status: 500,
      cause,
      innerErrorType: cause instanceof Error ? cause.name : undefined,
      innerErrorMessage: cause instanceof Error ? cause.message : undefined,
      details: pack === undefined ? undefined : { pack },
    });
    this.name = 'BlockPackError';
  }
}
