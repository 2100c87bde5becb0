import { describe, expect, it } from 'vitest';
import { RunAbort } from './run-abort.js';

describe('RunAbort', () => {
  it('makes no AbortController and adds no listener until a signal is asked for', () => {
    const outer = new AbortController();
    let added = 0;
    const original = outer.signal.addEventListener.bind(outer.signal);
    outer.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added++;
      original(...args);
    }) as AbortSignal['addEventListener'];
    const abort = new RunAbort(outer.signal);
    expect(abort.aborted).toBe(false);
    expect(added).toBe(0);
    const signal = abort.signal;
    expect(added).toBe(1);
    outer.abort('caller');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('caller');
    expect(abort.reason).toBe('caller');
  });

  it("sees the caller's abort without a signal made, and keeps the first failure's reason", () => {
    const outer = new AbortController();
    const abort = new RunAbort(outer.signal);
    outer.abort('caller');
    expect(abort.aborted).toBe(true);
    abort.abort(new Error('later failure'));
    expect(abort.reason).toBe('caller');
    expect(abort.signal.aborted).toBe(true);

    const failing = new RunAbort(undefined);
    const first = new Error('first');
    failing.abort(first);
    failing.abort(new Error('second'));
    expect(failing.reason).toBe(first);
    expect(failing.signal.reason).toBe(first);
  });

  it('aborts a signal already handed out when a step fails, and unlinks from the caller on dispose', () => {
    const outer = new AbortController();
    const abort = new RunAbort(outer.signal);
    const signal = abort.signal;
    abort.abort('step failed');
    expect(signal.aborted).toBe(true);
    abort.dispose();
    const other = new RunAbort(outer.signal);
    const otherSignal = other.signal;
    other.dispose();
    outer.abort('late');
    expect(otherSignal.aborted).toBe(false);
  });

  it('asks a lazy signal source for its signal only when a block needs one, and follows its abort', () => {
    const controller = new AbortController();
    let made = 0;
    const source = {
      get aborted() {
        return controller.signal.aborted;
      },
      get reason() {
        return controller.signal.reason;
      },
      toAbortSignal() {
        made++;
        return controller.signal;
      },
    };
    const abort = new RunAbort(source);
    expect(abort.aborted).toBe(false);
    expect(made).toBe(0);
    const signal = abort.signal;
    expect(made).toBe(1);
    controller.abort('deadline');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('deadline');

    const unused = new RunAbort(source);
    expect(unused.aborted).toBe(true);
    expect(unused.reason).toBe('deadline');
    unused.dispose();
    expect(made).toBe(1);
  });
});
