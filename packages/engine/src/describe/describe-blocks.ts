import { describeKind } from '@flow/kinds';
import { z } from 'zod';
import type { BlockRegistry } from '../block/block-registry.js';
import { resolveBlockOutputs, type BlockDefinition, type BlockOutputs } from '../block/define-block.js';
import { findPropertySelectors } from '../block/selectors.js';
import { isSelector, pythonTypeHint } from './python-type-hint.js';

/** The step schema of a block: `type` (id or alias), `name`, and the manifest's properties. */
export function stepSchemaOf(block: BlockDefinition) {
  const ids = [block.type, ...(block.aliases ?? [])] as [string, ...string[]];
  return z.object({
    type: z.literal(ids),
    name: z.string().describe('Unique name of the step; referenced as `$steps.<name>`.'),
    ...block.manifest.shape,
  });
}

const schemaCache = new WeakMap<BlockDefinition, Record<string, unknown>>();

/** The block's JSON Schema with the reference's top-level metadata and selector markers. */
export function blockJsonSchema(block: BlockDefinition): Record<string, unknown> {
  let schema = schemaCache.get(block);
  if (!schema) {
    const generated = z.toJSONSchema(stepSchemaOf(block), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete generated.$schema;
    schema = {
      ...generated,
      title: `${block.name} manifest`,
      name: block.name,
      version: block.type.split('@')[1] ?? 'v1',
      short_description: block.shortDescription,
      long_description: block.longDescription ?? block.shortDescription,
      license: block.license ?? 'Apache-2.0',
      block_type: block.blockType,
      ...(block.deprecated ? { deprecated: true } : {}),
      ...block.schemaExtra,
    };
    schemaCache.set(block, schema);
  }
  return schema;
}

function staticOutputs(block: BlockDefinition): BlockOutputs | undefined {
  if (typeof block.outputs !== 'function') return block.outputs;
  try {
    return resolveBlockOutputs(block, {});
  } catch {
    return undefined;
  }
}

/** The reference's blocks-describe document (§4.6) for every registered block. */
export function describeBlocks(registry: BlockRegistry) {
  const kindsConnections: Record<string, Array<Record<string, unknown>>> = {};
  const primitivesConnections: Array<Record<string, unknown>> = [];
  const blocks = registry.blocks.map(({ block, pack }) => {
    const schema = blockJsonSchema(block);
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [property, propertySchema] of Object.entries(block.manifest.shape)) {
      const selectors = findPropertySelectors(propertySchema as z.ZodType);
      const description = (properties[property]?.description as string | undefined) ?? null;
      for (const kind of selectors?.kinds ?? []) {
        (kindsConnections[kind] ??= []).push({
          manifest_type_identifier: block.type,
          property_name: property,
          property_description: description ?? 'not available',
          compatible_element: 'any_data',
          is_list_element: selectors!.shapes.has('list'),
          is_dict_element: selectors!.shapes.has('dict'),
        });
      }
      const json = properties[property];
      const acceptsLiteral = json !== undefined && !(isSelector(json) || (Array.isArray(json.anyOf) && (json.anyOf as Record<string, unknown>[]).every(isSelector)));
      if (acceptsLiteral) {
        primitivesConnections.push({ manifest_type_identifier: block.type, property_name: property, property_description: description ?? 'not available', type_annotation: pythonTypeHint(json) });
      }
    }
    const outputs = staticOutputs(block);
    return {
      block_schema: schema,
      outputs_manifest: outputs
        ? Object.entries(outputs).map(([name, kinds]) => ({ name, kind: kinds.map(describeKind) }))
        : [{ name: '*', kind: [describeKind(registry.kind('*')!)] }],
      block_source: pack,
      fully_qualified_block_class_name: `${pack}.${block.type}`,
      human_friendly_block_name: block.name,
      manifest_type_identifier: block.type,
      manifest_type_identifier_aliases: [...(block.aliases ?? [])],
      execution_engine_compatibility: block.executionEngineCompatibility ?? null,
      restrictions: [],
      input_dimensionality_offsets: { ...(block.inputDimensionalityOffsets ?? {}) },
      dimensionality_reference_property: block.dimensionalityReferenceProperty ?? null,
      output_dimensionality_offset: block.outputDimensionalityOffset ?? 0,
    };
  });
  return {
    blocks,
    declared_kinds: registry.kinds.map(describeKind),
    kinds_connections: kindsConnections,
    primitives_connections: primitivesConnections,
    universal_query_language_description: { operations_description: [], operators_descriptions: [] },
    dynamic_block_definition_schema: {},
  };
}
