import { describe, expect, it } from 'vitest';
import { topClasses } from './top-classes.js';

describe('topClasses', () => {
  const result = { index: 0, label: 'Spoiled', probs: [0.2, 0.7, 0.1], num_classes: 3 };

  it('ranks classes best first; only the argmax has the server label', () => {
    expect(topClasses(result)).toEqual([
      { index: 1, label: 'Spoiled', score: 0.7 },
      { index: 0, label: null, score: 0.2 },
      { index: 2, label: null, score: 0.1 },
    ]);
  });

  it('names every class from a label list or id2label map, and cuts to k', () => {
    expect(topClasses(result, { k: 2, labels: ['ok', 'spoiled', 'unsure'] }).map((entry) => entry.label)).toEqual(['spoiled', 'ok']);
    expect(topClasses(result, { labels: { 2: 'unsure' } }).map((entry) => entry.label)).toEqual(['Spoiled', null, 'unsure']);
  });
});
