import { describe, expect, it } from 'vitest';
import { jsonSchemaToGemini } from './json-schema-to-gemini.js';

describe('jsonSchemaToGemini', () => {
  it('inlines local $refs, turns const into an enum and oneOf into anyOf, and reports what it dropped', () => {
    const { schema, dropped } = jsonSchemaToGemini({
      type: 'object',
      $defs: { box: { type: 'object', additionalProperties: false, properties: { x: { type: 'number' } }, required: ['x'] } },
      properties: {
        box: { $ref: '#/$defs/box' },
        kind: { const: 'detection' },
        value: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        maybe: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        level: { enum: [1, 2, 3] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, examples: [['a']] },
        bad: { $ref: 'https://example.com/other.json' },
      },
      allOf: [{ required: ['box'] }],
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        box: { type: 'OBJECT', properties: { x: { type: 'NUMBER' } }, required: ['x'] },
        kind: { type: 'STRING', enum: ['detection'], format: 'enum' },
        value: { anyOf: [{ type: 'STRING' }, { type: 'INTEGER' }] },
        maybe: { type: 'NUMBER', nullable: true },
        level: {},
        tags: { type: 'ARRAY', items: { type: 'STRING' }, minItems: 1, example: ['a'] },
        bad: {},
      },
    });
    expect([...dropped].sort()).toEqual(['/allOf', '/properties/bad/$ref', '/properties/box/additionalProperties', '/properties/level/enum']);
  });

  it('cuts recursive references instead of looping', () => {
    const { schema, dropped } = jsonSchemaToGemini({ $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' });
    expect(schema['type']).toBe('OBJECT');
    expect(dropped.some((path) => path.endsWith('/$ref'))).toBe(true);
  });

  it('keeps a multi-type union as anyOf', () => {
    expect(jsonSchemaToGemini({ type: ['string', 'number', 'null'] }).schema).toEqual({ nullable: true, anyOf: [{ type: 'STRING' }, { type: 'NUMBER' }] });
  });
});
