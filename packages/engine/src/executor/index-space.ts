/**
 * The elements of one lineage (reference §6.3): how many there are and, for a nested level, which element of
 * the level above each one sits under. Level 0 is the single "scalar" element every level-1 batch hangs from,
 * so steps that run once and steps that run per element are the same loop.
 */
export class IndexSpace {
  readonly depth: number;
  private childLists: number[][] | undefined;

  private constructor(
    readonly size: number,
    readonly parent: IndexSpace | undefined,
    /** For each element, its parent's index in `parent`. */
    readonly parentIndex: Int32Array | undefined,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
  }

  /** The level-0 space: one element. */
  static scalar(): IndexSpace {
    return new IndexSpace(1, undefined, undefined);
  }

  /** A level under `parent` with `counts[p]` elements under parent element `p`, laid out in parent order. */
  static nested(parent: IndexSpace, counts: ArrayLike<number>): IndexSpace {
    let size = 0;
    for (let index = 0; index < counts.length; index++) size += counts[index]!;
    const parentIndex = new Int32Array(size);
    let next = 0;
    for (let index = 0; index < counts.length; index++) for (let child = 0; child < counts[index]!; child++) parentIndex[next++] = index;
    return new IndexSpace(size, parent, parentIndex);
  }

  /** Indices of the elements under element `parentElement` of the parent level. */
  childrenOf(parentElement: number): number[] {
    if (!this.childLists) {
      const lists: number[][] = Array.from({ length: this.parent?.size ?? 0 }, () => []);
      if (this.parentIndex) for (let index = 0; index < this.size; index++) lists[this.parentIndex[index]!]!.push(index);
      this.childLists = lists;
    }
    return this.childLists[parentElement] ?? [];
  }

  /** For each element, the index of its ancestor `levels` up. */
  ancestorIndices(levels: number): Int32Array {
    const result = new Int32Array(this.size);
    for (let index = 0; index < this.size; index++) result[index] = index;
    let space: IndexSpace = this;
    for (let level = 0; level < levels && space.parent; level++) {
      const up = space.parentIndex!;
      for (let index = 0; index < result.length; index++) result[index] = up[result[index]!]!;
      space = space.parent;
    }
    return result;
  }
}
