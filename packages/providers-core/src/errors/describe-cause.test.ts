import { describe, expect, it } from 'vitest';
import { describeCauseChain } from './describe-cause.js';

describe('describeCauseChain', () => {
  it('joins the messages and codes of the chain, each code once', () => {
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(describeCauseChain(new TypeError('fetch failed', { cause: socket }))).toBe('fetch failed: other side closed: UND_ERR_SOCKET');
    expect(describeCauseChain(Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
  });

  it('says nothing for an empty chain and stops after four levels', () => {
    expect(describeCauseChain(undefined)).toBeUndefined();
    expect(describeCauseChain(new Error(''))).toBeUndefined();
    let deep = new Error('level 0');
    for (let level = 1; level < 8; level += 1) deep = new Error(`level ${level}`, { cause: deep });
    expect(describeCauseChain(deep)).toBe('level 7: level 6: level 5: level 4');
  });
});
