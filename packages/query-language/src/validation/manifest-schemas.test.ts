import { describe, expect, it } from 'vitest';
import { QueryLanguageDefinitionError } from '../errors.js';
import { compileOperations, parseOperations } from './compile-definitions.js';
import { operationsSchema, statementGroupSchema } from './manifest-schemas.js';

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('operations in block manifests', () => {
  it('accept valid operations and pass them through as written', () => {
    const operations = [{ type: 'SequenceJoin' }, { type: 'StringToUpperCase' }];
    const result = operationsSchema().safeParse(operations);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(operations);
  });

  it('name the operation at fault', () => {
    const result = operationsSchema().safeParse([{ type: 'SequenceLength' }, { type: 'NumberRound' }, { type: 'Foo' }, { type: 'DetectionsPropertyExtract', property_name: 'colour' }]);
    expect(messages(result)).toEqual([
      '1.decimal_digits: operation NumberRound: decimal_digits: Invalid input: expected number, received undefined',
      expect.stringMatching(/^2\.type: unknown operation type "Foo" \(known operations: StringToLowerCase, .*PickDetectionsByParentClass\)$/),
      expect.stringMatching(/^3\.property_name: operation DetectionsPropertyExtract: property_name: Invalid option/),
    ]);
  });

  it('name the operation inside a filter inside an operand', () => {
    const result = operationsSchema().safeParse([
      {
        type: 'DetectionsFilter',
        filter_operation: {
          type: 'StatementGroup',
          statements: [
            {
              type: 'BinaryStatement',
              left_operand: { type: 'DynamicOperand', operations: [{ type: 'ExtractDetectionProperty' }] },
              comparator: { type: '(Number) >' },
              right_operand: { type: 'StaticOperand', value: 1 },
            },
          ],
        },
      },
    ]);
    expect(messages(result)).toEqual([
      '0.filter_operation.statements.0.left_operand.operations.0.property_name: operation ExtractDetectionProperty: property_name: Invalid option: expected one of "confidence"|"class_name"|"x_min"|"x_max"|"y_min"|"y_max"|"size"|"class_id"|"center"|"top_left"|"top_right"|"bottom_left"|"bottom_right"|"in_out"|"path_deviation"|"polygon"|"time_in_zone"|"tracker_id"|"velocity"|"speed"|"smoothed_velocity"|"smoothed_speed"|"image_dimensions"|"prediction_type"|"keypoints_xy"|"rect"|"width"|"height"|"angle"|"area_px"|"area_converted"',
    ]);
  });

  it('refuse a StringMatches regex that cannot compile, before anything runs', () => {
    expect(messages(operationsSchema().safeParse([{ type: 'StringMatches', regex: '(' }]))[0]).toMatch(/^0\.regex: operation StringMatches: regex: not a valid regular expression/);
  });

  it('statement groups name the statement at fault', () => {
    const result = statementGroupSchema().safeParse({ type: 'StatementGroup', statements: [{ type: 'UnaryStatement', operand: { type: 'DynamicOperand' }, operator: { type: 'IsBig' } }] });
    expect(messages(result)).toEqual([expect.stringMatching(/^statements\.0\.operator\.type: operator IsBig: type: Invalid option/)]);
    expect(messages(statementGroupSchema().safeParse({ type: 'StatementGroup', statements: [{ type: 'Maybe' }] }))).toEqual(['statements.0.type: unknown statement type "Maybe"']);
  });
});

describe('compiling operations', () => {
  it('fills defaults and reports every fault with its path', () => {
    expect(parseOperations([{ type: 'SequenceJoin' }])).toEqual([{ type: 'SequenceJoin', separator: ', ' }]);
    expect(() => parseOperations([{ type: 'Multiply' }])).toThrow(QueryLanguageDefinitionError);
    expect(() => parseOperations([{ type: 'Multiply' }])).toThrow('Invalid query-language definition: [0].other: operation Multiply: other: Invalid input: expected number, received undefined');
  });

  it('compiles a definition object once', () => {
    const operations = [{ type: 'StringToUpperCase' }];
    expect(compileOperations(operations)).toBe(compileOperations(operations));
    expect(compileOperations(operations)('a')).toBe('A');
  });
});
