// A third-party block pack, written in plain JavaScript to show that packs need no build step.
// Load it with `FLOW_PLUGINS=flow-blocks-text` (installed) or `FLOW_PLUGINS=./examples/flow-blocks-text`.
import { defineBlock, defineBlockPack, literalOrSelector, selector } from '@flow/engine';
import { booleanKind, defineKind, integerKind, languageModelOutputKind, listOfValuesKind, stringKind } from '@flow/kinds';
import { z } from 'zod';

/** A kind this pack introduces: a word count with its own wire form. */
export const wordCountKind = defineKind({
  name: 'acme_word_count',
  description: 'Number of words in a text',
  serialisedDataType: 'int',
  internalDataType: 'int',
  schema: z.number().int().min(0),
});

export const wordCountBlock = defineBlock({
  type: 'acme/word_count@v1',
  name: 'Word Count',
  blockType: 'transformation',
  shortDescription: 'Counts the words of a model answer.',
  manifest: z.object({
    text: selector([stringKind, languageModelOutputKind], { description: 'Text to count.' }),
  }),
  outputs: { count: [wordCountKind, integerKind] },
  run: ({ text }) => ({ count: text.split(/\s+/).filter(Boolean).length }),
});

export const containsKeywordBlock = defineBlock({
  type: 'acme/contains_keyword@v1',
  name: 'Contains Keyword',
  blockType: 'transformation',
  shortDescription: 'Tells whether a model answer mentions any of the keywords (case-insensitive).',
  manifest: z.object({
    text: selector([stringKind, languageModelOutputKind]),
    keywords: literalOrSelector(z.array(z.string()).min(1), [listOfValuesKind]),
  }),
  outputs: { found: [booleanKind], keyword: [stringKind] },
  run: ({ text, keywords }) => {
    const lowered = text.toLowerCase();
    const keyword = keywords.find((word) => lowered.includes(word.toLowerCase())) ?? null;
    return { found: keyword !== null, keyword };
  },
});

export default defineBlockPack({
  name: 'flow-blocks-text',
  apiVersion: 1,
  blocks: [wordCountBlock, containsKeywordBlock],
  kinds: [wordCountKind],
});
