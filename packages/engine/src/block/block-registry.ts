import { coreKinds, type Kind } from '@flow/kinds';
import { z } from 'zod';
import { BlockPackError } from '../errors/plugin-errors.js';
import type { BlockPack } from './define-block-pack.js';
import type { BlockDefinition } from './define-block.js';

/** A block as registered: its definition plus the pack it came from. */
export interface RegisteredBlock {
  block: BlockDefinition;
  pack: string;
}

const typeIdPattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+@v\d+$/;

const blockShape = z.object({
  type: z.string().regex(typeIdPattern, 'must look like "<pack>/<block>@v<N>"'),
  aliases: z.array(z.string().min(1)).optional(),
  name: z.string().min(1),
  blockType: z.string().min(1),
  shortDescription: z.string(),
  manifest: z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, 'must be a zod object schema'),
  outputs: z.union([z.record(z.string(), z.array(z.custom<Kind>(isKind, 'must be a kind'))), z.custom<() => unknown>((value) => typeof value === 'function')]),
  batchParameters: z.array(z.string()).optional(),
  run: z.custom<() => unknown>((value) => typeof value === 'function', 'must be a function'),
});

const packShape = z.object({
  name: z.string().min(1),
  apiVersion: z.literal(1).optional(),
  blocks: z.array(z.unknown()),
  kinds: z.array(z.custom<Kind>(isKind, 'must be a kind with a name')).optional(),
});

function isKind(value: unknown): value is Kind {
  return typeof value === 'object' && value !== null && typeof (value as Kind).name === 'string';
}

/** Holds every block and kind the engine knows, by type id and legacy alias. */
export class BlockRegistry {
  private readonly blocksByType = new Map<string, RegisteredBlock>();
  private readonly blockList: RegisteredBlock[] = [];
  private readonly kindsByName = new Map<string, { kind: Kind; pack: string }>();

  constructor() {
    for (const kind of coreKinds) this.kindsByName.set(kind.name, { kind, pack: 'core' });
  }

  /** Adds a pack after checking its shape; a clash of type id, alias or kind name is an error naming both packs. */
  register(pack: BlockPack): void {
    const packName = validatePack(pack);
    for (const kind of pack.kinds ?? []) {
      const existing = this.kindsByName.get(kind.name);
      if (existing && existing.kind !== kind) {
        throw new BlockPackError({
          code: 'BLOCK_PACK_CLASH',
          pack: packName,
          message: `Block pack "${packName}" defines kind "${kind.name}", which pack "${existing.pack}" already defines. Kind names must be unique.`,
        });
      }
      this.kindsByName.set(kind.name, { kind, pack: packName });
    }
    for (const block of pack.blocks) {
      if (this.blockList.some((entry) => entry.block === block)) continue;
      for (const id of [block.type, ...(block.aliases ?? [])]) {
        const existing = this.blocksByType.get(id);
        if (existing) {
          throw new BlockPackError({
            code: 'BLOCK_PACK_CLASH',
            pack: packName,
            message: `Block "${block.type}" of pack "${packName}" clashes with block "${existing.block.type}" of pack "${existing.pack}" on the identifier "${id}". Type ids and aliases must be unique.`,
          });
        }
      }
      const entry = { block, pack: packName };
      this.blockList.push(entry);
      for (const id of [block.type, ...(block.aliases ?? [])]) this.blocksByType.set(id, entry);
      for (const kinds of Object.values(typeof block.outputs === 'function' ? {} : block.outputs)) {
        for (const kind of kinds) if (!this.kindsByName.has(kind.name)) this.kindsByName.set(kind.name, { kind, pack: packName });
      }
    }
  }

  find(typeOrAlias: string): RegisteredBlock | undefined {
    return this.blocksByType.get(typeOrAlias);
  }

  get blocks(): readonly RegisteredBlock[] {
    return this.blockList;
  }

  /** Every identifier a step may use, for suggestions. */
  get identifiers(): string[] {
    return [...this.blocksByType.keys()];
  }

  kind(name: string): Kind | undefined {
    return this.kindsByName.get(name)?.kind;
  }

  get kinds(): Kind[] {
    return [...this.kindsByName.values()].map((entry) => entry.kind);
  }
}

function validatePack(pack: unknown): string {
  const parsedPack = packShape.safeParse(pack);
  const packName = typeof (pack as BlockPack | undefined)?.name === 'string' ? (pack as BlockPack).name : '<unnamed>';
  if (!parsedPack.success) {
    throw new BlockPackError({ code: 'BLOCK_PACK_INVALID', pack: packName, message: `Block pack "${packName}" is malformed: ${formatIssues(parsedPack.error)}` });
  }
  parsedPack.data.blocks.forEach((block, index) => {
    const parsed = blockShape.safeParse(block);
    if (!parsed.success) {
      const label = typeof (block as { type?: unknown })?.type === 'string' ? `"${(block as { type: string }).type}"` : `#${index}`;
      throw new BlockPackError({ code: 'BLOCK_PACK_INVALID', pack: packName, message: `Block ${label} of pack "${packName}" is malformed: ${formatIssues(parsed.error)}` });
    }
  });
  return packName;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ');
}
