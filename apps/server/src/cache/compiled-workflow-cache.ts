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

/** Written texts longer than this are not kept as first-level keys (the hash still finds them). */
const MAX_WRITTEN_KEY_LENGTH = 256 * 1024;

/**
 * Compiled workflows by definition hash, least recently used evicted first. In front of the hash sits a
 * first level keyed by the definition's JSON as written (`JSON.stringify`, native and several times
 * cheaper than sorting keys and hashing): a client that sends the same definition the same way, as
 * clients do, never pays for the canonical hash after the first request. Failed compilations are not
 * kept: a broken definition costs a compile each time, which is what lets its error message stay exact.
 */
export class CompiledWorkflowCache {
  private readonly entries = new Map<string, CompiledWorkflow>();
  private readonly byWrittenText = new Map<string, { key: string; workflow: CompiledWorkflow }>();
  /**
   * The entry of the last lookup, newest in both levels, with the definition it was found for. A client
   * sending one workflow over and over hits it with a walk comparing the two definitions (`sameJson`),
   * skipping the JSON text, the map lookup and the recency shuffle (delete + set in two maps). Only
   * definitions whose text is small enough for the first level are kept here.
   */
  private newest: { definition: unknown; workflow: CompiledWorkflow } | undefined;
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
    if (this.newest !== undefined && sameJson(definition, this.newest.definition)) {
      this.hits++;
      return { workflow: this.newest.workflow, cached: true, compileMs: 0 };
    }
    const written = JSON.stringify(definition);
    const writtenKey = written !== undefined && written.length <= MAX_WRITTEN_KEY_LENGTH ? written : undefined;
    this.newest = undefined;
    const quick = writtenKey === undefined ? undefined : this.byWrittenText.get(writtenKey);
    if (quick) {
      this.hits++;
      // Both levels keep the same recency order (Map keeps insertion order).
      this.byWrittenText.delete(writtenKey!);
      this.byWrittenText.set(writtenKey!, quick);
      if (this.entries.delete(quick.key)) this.entries.set(quick.key, quick.workflow);
      this.newest = { definition, workflow: quick.workflow };
      return { workflow: quick.workflow, cached: true, compileMs: 0 };
    }
    const key = definitionHash(definition, this.engine.version);
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, found);
      if (writtenKey !== undefined) this.remember(definition, writtenKey, key, found);
      return { workflow: found, cached: true, compileMs: 0 };
    }
    const result = this.compile(definition, key);
    if (writtenKey !== undefined) this.remember(definition, writtenKey, key, result.workflow);
    return result;
  }

  /** First-level entries evict oldest first; a miss there only costs the hash. */
  private remember(definition: unknown, writtenKey: string, key: string, workflow: CompiledWorkflow): void {
    this.byWrittenText.set(writtenKey, { key, workflow });
    if (this.byWrittenText.size > this.capacity) this.byWrittenText.delete(this.byWrittenText.keys().next().value!);
    this.newest = { definition, workflow };
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
    this.byWrittenText.clear();
    this.newest = undefined;
  }
}

/**
 * True when two parsed JSON values are the same: the same primitives, the same array items, the same object
 * keys and values (in any order: the cache's hash ignores key order too). It builds nothing, so it is several
 * times cheaper than comparing `JSON.stringify` texts, and it stops at the first difference.
 */
export function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) if (!sameJson(left[index], right[index])) return false;
    return true;
  }
  if (Array.isArray(right)) return false;
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  let count = 0;
  for (const key in leftRecord) {
    if (!Object.hasOwn(leftRecord, key)) continue;
    if (!Object.hasOwn(rightRecord, key) || !sameJson(leftRecord[key], rightRecord[key])) return false;
    count++;
  }
  for (const key in rightRecord) if (Object.hasOwn(rightRecord, key)) count--;
  return count === 0;
}
