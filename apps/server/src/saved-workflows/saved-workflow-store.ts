import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HttpError } from '../errors/http-errors.js';

// Names become file names: keep them to one safe path segment.
const safeName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * Workflow definitions saved as JSON files, so named workflows can be served without sending them:
 * `<dir>/<workspace>/<workflow_id>.json`, else `<dir>/<workflow_id>.json` (any workspace). A file holds
 * the definition itself, or `{"specification": {...}}` as Roboflow's saved-workflow config does.
 */
export class SavedWorkflowStore {
  private readonly root: string | undefined;

  constructor(directory: string | undefined) {
    this.root = directory === undefined ? undefined : resolve(directory);
  }

  async load(workspace: string, workflowId: string): Promise<Record<string, unknown>> {
    if (this.root === undefined) {
      throw new HttpError(404, `Saved workflows are not enabled on this server: set FLOW_WORKFLOWS_DIR to a folder of <workflow_id>.json files, or send the definition to POST /workflows/run.`);
    }
    if (!safeName.test(workspace) || !safeName.test(workflowId) || workspace.includes('..') || workflowId.includes('..')) {
      throw new HttpError(404, `Workflow \`${workflowId}\` not found in workspace \`${workspace}\`: names may hold only letters, digits, "_", "-" and ".".`);
    }
    const candidates = [join(this.root, workspace, `${workflowId}.json`), join(this.root, `${workflowId}.json`)];
    for (const path of candidates) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        // Not there, or a folder of that name: not a saved workflow either way.
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') continue;
        throw error;
      }
      return parseSavedDefinition(text, workspace, workflowId);
    }
    throw new HttpError(404, `Workflow \`${workflowId}\` not found in workspace \`${workspace}\`.`);
  }
}

function parseSavedDefinition(text: string, workspace: string, workflowId: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The server's own file is broken, not the request: 500 with a message the operator can act on.
    throw new HttpError(500, `Saved workflow \`${workspace}/${workflowId}\` is not valid JSON: ${(error as Error).message}.`);
  }
  const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  const specification = record && typeof record.specification === 'object' && record.specification !== null ? (record.specification as Record<string, unknown>) : record;
  if (!specification) throw new HttpError(500, `Saved workflow \`${workspace}/${workflowId}\` does not hold a JSON object.`);
  return { ...specification, id: specification.id ?? workflowId };
}
