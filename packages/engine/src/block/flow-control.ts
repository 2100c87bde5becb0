const flowControlMarker = Symbol.for('flow.flow-control');

/**
 * A flow-control block's decision for one element (reference §6.4): the step selectors (`$steps.name`) of
 * the branches to continue with. An empty list or null terminates every branch the block controls.
 */
export interface FlowControl {
  readonly [flowControlMarker]: true;
  readonly next: readonly string[];
}

/** Continue with `next` (one step selector or several); `null` or `[]` stops every controlled branch. */
export function flowControl(next: string | readonly string[] | null): FlowControl {
  const list = next === null ? [] : typeof next === 'string' ? [next] : [...next];
  return { [flowControlMarker]: true, next: list };
}

export function isFlowControl(value: unknown): value is FlowControl {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[flowControlMarker] === true;
}
