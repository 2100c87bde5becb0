import { createHash } from 'node:crypto';
import type { CompiledWorkflow, Engine } from '@flow/engine';

/** The definition's JSON with object keys sorted, so key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/** Hash of a definition and the engine version it is compiled for (reference §11.2 keys the same way). */
export function definitionHash(definition: unknown, engineVersion: string): string {
  return createHash('sha256').update(engineVersion).update('\0').update(canonicalJson(definition)).digest('hex');
}

export interface CompileResult {
  workflow: CompiledWorkflow;
  /** True when the workflow came from the cache and nothing was compiled. */
  cached: boolean;
  /** Time spent compiling, 0 on a hit (ms). */
  compileMs: number;
}

/**
 * Compiled workflows by definition hash, least recently used evicted first. Failed compilations are not
 * kept: a broken definition costs a compile each time, which is what lets its error message stay exact.
 */
export class CompiledWorkflowCache {
  private readonly entries = new Map<string, CompiledWorkflow>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly engine: Engine,
    readonly capacity: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(definition: unknown): CompileResult {
    if (this.capacity === 0) return this.compile(definition, undefined);
    const key = definitionHash(definition, this.engine.version);
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, found);
      return { workflow: found, cached: true, compileMs: 0 };
    }
    return this.compile(definition, key);
  }

  private compile(definition: unknown, key: string | undefined): CompileResult {
    this.misses++;
    const started = performance.now();
    const workflow = this.engine.compile(definition);
    const compileMs = performance.now() - started;
    if (key !== undefined) {
      this.entries.set(key, workflow);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return { workflow, cached: false, compileMs };
  }

  clear(): void {
    this.entries.clear();
  }
}
