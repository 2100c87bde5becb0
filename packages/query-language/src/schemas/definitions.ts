import { z } from 'zod';
import {
  classificationProperties,
  detectionsProperties,
  detectionsSelectionModes,
  detectionsSortProperties,
  frameMetadataProperties,
  imageProperties,
  numberCastingModes,
  sequenceAggregationFunctions,
  sequenceAggregationModes,
  statementsGroupsOperators,
  type ClassificationProperty,
  type DetectionsProperty,
  type DetectionsSelectionMode,
  type DetectionsSortProperty,
  type FrameMetadataProperty,
  type ImageProperty,
  type NumberCastingMode,
  type SequenceAggregationFunction,
  type SequenceAggregationMode,
  type StatementsGroupsOperator,
} from './enums.js';
import { translatePythonRegex } from '../python/regex.js';

/**
 * The wire form of the query language (reference `entities/operations.py`): every operation and
 * statement, with the reference's `type` names, fields and defaults. These are the strict schemas;
 * `operationSchema` / `statementGroupSchema` wrap them for block manifests with messages that name the
 * operation at fault.
 */

export type OperationDefinition =
  | { type: 'StringToLowerCase' }
  | { type: 'StringToUpperCase' }
  | { type: 'LookupTable'; lookup_table: Record<string, unknown> }
  | { type: 'ToNumber'; cast_to: NumberCastingMode }
  | { type: 'NumberRound'; decimal_digits: number }
  | { type: 'SequenceMap'; lookup_table: Record<string, unknown> }
  | { type: 'SequenceApply'; operations: OperationDefinition[] }
  | { type: 'NumericSequenceAggregate'; function: SequenceAggregationFunction; neutral_value: unknown }
  | { type: 'SequenceAggregate'; mode: SequenceAggregationMode }
  | { type: 'ToString' }
  | { type: 'ToBoolean' }
  | { type: 'StringSubSequence'; start: number; end: number }
  | { type: 'DetectionsPropertyExtract'; property_name: DetectionsProperty }
  | { type: 'DetectionsToDictionary' }
  | { type: 'ClassificationPropertyExtract'; property_name: ClassificationProperty }
  | { type: 'DetectionsSelection'; mode: DetectionsSelectionMode }
  | { type: 'ExtractDetectionProperty'; property_name: DetectionsProperty }
  | { type: 'DetectionsFilter'; filter_operation: StatementGroup }
  | { type: 'SortDetections'; mode: DetectionsSortProperty; ascending: boolean }
  | { type: 'DetectionsOffset'; offset_x: number; offset_y: number }
  | { type: 'DetectionsShift'; shift_x: number; shift_y: number }
  | { type: 'RandomNumber'; min_value: number; max_value: number }
  | { type: 'ExtractImageProperty'; property_name: ImageProperty }
  | { type: 'ExtractFrameMetadata'; property_name: FrameMetadataProperty }
  | { type: 'TimestampToISOFormat' }
  | { type: 'ConvertImageToJPEG'; compression_level: number }
  | { type: 'ConvertDictionaryToJSON' }
  | { type: 'ConvertImageToBase64' }
  | { type: 'StringMatches'; regex: string }
  | { type: 'SequenceLength' }
  | { type: 'SequenceElementsCount' }
  | { type: 'SequenceJoin'; separator: string }
  | { type: 'Multiply'; other: number }
  | { type: 'Divide'; other: number }
  | { type: 'DetectionsRename'; class_map: Record<string, string> | string; strict: boolean | string; new_classes_id_offset: number }
  | { type: 'PickDetectionsByParentClass'; parent_class: string };

export type OperationType = OperationDefinition['type'];

export const binaryComparators = [
  '==',
  '(Number) ==',
  '!=',
  '(Number) !=',
  '(Number) >',
  '(Number) >=',
  '(Number) <',
  '(Number) <=',
  '(Number) in range',
  '(String) startsWith',
  '(String) endsWith',
  '(String) contains',
  'in (Sequence)',
  'any in (Sequence)',
  'all in (Sequence)',
  '(Detection) in zone',
] as const;
export const unaryOperators = ['Exists', 'DoesNotExist', '(Boolean) is True', '(Boolean) is False', '(Sequence) is empty', '(Sequence) is not empty'] as const;

export type BinaryComparator = (typeof binaryComparators)[number];
export type UnaryOperator = (typeof unaryOperators)[number];

export interface StaticOperand {
  type: 'StaticOperand';
  value: unknown;
  operations: OperationDefinition[];
}

export interface DynamicOperand {
  type: 'DynamicOperand';
  operand_name: string;
  operations: OperationDefinition[];
}

export type Operand = StaticOperand | DynamicOperand;

export interface BinaryStatement {
  type: 'BinaryStatement';
  left_operand: Operand;
  comparator: { type: BinaryComparator };
  right_operand: Operand;
  negate: boolean;
}

export interface UnaryStatement {
  type: 'UnaryStatement';
  operand: Operand;
  operator: { type: UnaryOperator };
  negate: boolean;
}

export interface StatementGroup {
  type: 'StatementGroup';
  statements: Statement[];
  operator: StatementsGroupsOperator;
}

export type Statement = BinaryStatement | UnaryStatement | StatementGroup;

const integer = () => z.number().int();
const dictionary = () => z.record(z.string(), z.unknown());
const simple = <T extends string>(type: T) => z.object({ type: z.literal(type) });

const operandOperations = () => z.array(z.lazy(() => operationDefinitionSchema)).default([]);

const staticOperandSchema = z.object({
  type: z.literal('StaticOperand'),
  value: z.unknown(),
  get operations() {
    return operandOperations();
  },
});

const dynamicOperandSchema = z.object({
  type: z.literal('DynamicOperand'),
  get operations() {
    return operandOperations();
  },
  operand_name: z.string().default('_'),
});

const operandSchema = z.discriminatedUnion('type', [staticOperandSchema, dynamicOperandSchema]);

export const binaryStatementSchema = z.object({
  type: z.literal('BinaryStatement'),
  left_operand: operandSchema,
  comparator: z.object({ type: z.enum(binaryComparators) }),
  right_operand: operandSchema,
  negate: z.boolean().default(false),
});

export const unaryStatementSchema = z.object({
  type: z.literal('UnaryStatement'),
  operand: operandSchema,
  operator: z.object({ type: z.enum(unaryOperators) }),
  negate: z.boolean().default(false),
});

/** `StatementGroup`: at least one statement, combined with `or` unless `operator` says `and`. */
export const statementGroupDefinitionSchema: z.ZodType<StatementGroup> = z.object({
  type: z.literal('StatementGroup'),
  statements: z
    .array(z.discriminatedUnion('type', [binaryStatementSchema, unaryStatementSchema, z.lazy(() => statementGroupDefinitionSchema) as never]))
    .min(1, { message: 'a StatementGroup needs at least one statement' }),
  operator: z.enum(statementsGroupsOperators).default('or'),
}) as unknown as z.ZodType<StatementGroup>;

const regexSchema = z.string().superRefine((pattern, context) => {
  try {
    translatePythonRegex(pattern);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression (${(error as Error).message})` });
  }
});

const operationSchemas = [
  simple('StringToLowerCase'),
  simple('StringToUpperCase'),
  z.object({ type: z.literal('LookupTable'), lookup_table: dictionary() }),
  z.object({ type: z.literal('ToNumber'), cast_to: z.enum(numberCastingModes) }),
  z.object({ type: z.literal('NumberRound'), decimal_digits: integer() }),
  z.object({ type: z.literal('SequenceMap'), lookup_table: dictionary() }),
  z.object({
    type: z.literal('SequenceApply'),
    get operations() {
      return z.array(z.lazy(() => operationDefinitionSchema));
    },
  }),
  z.object({ type: z.literal('NumericSequenceAggregate'), function: z.enum(sequenceAggregationFunctions), neutral_value: z.unknown().default(null) }),
  z.object({ type: z.literal('SequenceAggregate'), mode: z.enum(sequenceAggregationModes) }),
  simple('ToString'),
  simple('ToBoolean'),
  z.object({ type: z.literal('StringSubSequence'), start: integer().default(0), end: integer().default(-1) }),
  z.object({ type: z.literal('DetectionsPropertyExtract'), property_name: z.enum(detectionsProperties) }),
  simple('DetectionsToDictionary'),
  z.object({ type: z.literal('ClassificationPropertyExtract'), property_name: z.enum(classificationProperties) }),
  z.object({ type: z.literal('DetectionsSelection'), mode: z.enum(detectionsSelectionModes) }),
  z.object({ type: z.literal('ExtractDetectionProperty'), property_name: z.enum(detectionsProperties) }),
  z.object({
    type: z.literal('DetectionsFilter'),
    get filter_operation() {
      return statementGroupDefinitionSchema;
    },
  }),
  z.object({ type: z.literal('SortDetections'), mode: z.enum(detectionsSortProperties), ascending: z.boolean().default(true) }),
  z.object({ type: z.literal('DetectionsOffset'), offset_x: integer(), offset_y: integer() }),
  z.object({ type: z.literal('DetectionsShift'), shift_x: integer(), shift_y: integer() }),
  z.object({ type: z.literal('RandomNumber'), min_value: z.number().default(0), max_value: z.number().default(1) }),
  z.object({ type: z.literal('ExtractImageProperty'), property_name: z.enum(imageProperties) }),
  z.object({ type: z.literal('ExtractFrameMetadata'), property_name: z.enum(frameMetadataProperties) }),
  simple('TimestampToISOFormat'),
  z.object({ type: z.literal('ConvertImageToJPEG'), compression_level: integer().min(1).max(100).default(95) }),
  simple('ConvertDictionaryToJSON'),
  simple('ConvertImageToBase64'),
  z.object({ type: z.literal('StringMatches'), regex: regexSchema }),
  simple('SequenceLength'),
  simple('SequenceElementsCount'),
  z.object({ type: z.literal('SequenceJoin'), separator: z.string().default(', ') }),
  z.object({ type: z.literal('Multiply'), other: z.number() }),
  z.object({ type: z.literal('Divide'), other: z.number() }),
  z.object({
    type: z.literal('DetectionsRename'),
    class_map: z.union([z.record(z.string(), z.string()), z.string()]),
    strict: z.union([z.boolean(), z.string()]).default(true),
    new_classes_id_offset: integer().default(1024),
  }),
  z.object({ type: z.literal('PickDetectionsByParentClass'), parent_class: z.string() }),
] as const;

/** Every operation's `type`, in the reference's order. */
export const operationTypes = operationSchemas.map((schema) => schema.shape.type.value) as OperationType[];

/** One operation, discriminated by `type`. */
export const operationDefinitionSchema: z.ZodType<OperationDefinition> = z.discriminatedUnion('type', operationSchemas as never) as unknown as z.ZodType<OperationDefinition>;
