import { describe, expect, it } from 'vitest';
import { RunSlots, ServerBusyError } from './run-slots.js';

describe('RunSlots', () => {
  it('grants up to the limit, queues up to the line, refuses beyond at once', async () => {
    const slots = new RunSlots(2, 1);
    const first = await slots.acquire({ waitMs: 1000 });
    await slots.acquire({ waitMs: 1000 });
    const queued = slots.acquire({ waitMs: 1000 });
    await expect(slots.acquire({ waitMs: 1000 })).rejects.toMatchObject({ reason: 'queue-full' });
    expect([slots.inFlight, slots.queued]).toEqual([2, 1]);
    first();
    first(); // releasing twice is harmless
    await queued;
    expect([slots.inFlight, slots.queued]).toEqual([2, 0]);
  });

  it('tryAcquire takes a free slot at once and leaves the waiting line to acquire', async () => {
    const slots = new RunSlots(1, 1);
    const release = slots.tryAcquire();
    expect(release).toBeTypeOf('function');
    expect(slots.tryAcquire()).toBeUndefined();
    const queued = slots.acquire({ waitMs: 1000 });
    expect([slots.inFlight, slots.queued]).toEqual([1, 1]);
    release!();
    // The freed slot went to the waiter in line, not to a newcomer.
    expect(slots.tryAcquire()).toBeUndefined();
    (await queued)();
    expect(slots.inFlight).toBe(0);
    slots.close();
    expect(slots.tryAcquire()).toBeUndefined();
  });

  it('refuses a waiter whose wait runs out, or whose request is cancelled', async () => {
    const slots = new RunSlots(1, 5);
    await slots.acquire({ waitMs: 1000 });
    await expect(slots.acquire({ waitMs: 20 })).rejects.toMatchObject({ reason: 'queue-timeout' });
    const controller = new AbortController();
    const pending = slots.acquire({ waitMs: 1000, signal: controller.signal });
    controller.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    expect(slots.queued).toBe(0);
  });

  it('asks a lazy signal source for a signal only when it must wait, and refuses at once when already stopped', async () => {
    const slots = new RunSlots(1, 5);
    let made = 0;
    const controller = new AbortController();
    const lazy = { aborted: false, reason: undefined as unknown, toAbortSignal: () => (made++, controller.signal) };
    const release = await slots.acquire({ waitMs: 1000, signal: lazy });
    expect(made).toBe(0);
    const waiting = slots.acquire({ waitMs: 1000, signal: lazy });
    expect(made).toBe(1);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');

    const stopped = { aborted: true, reason: new Error('already gone'), toAbortSignal: () => (made++, controller.signal) };
    await expect(slots.acquire({ waitMs: 1000, signal: stopped })).rejects.toThrow('already gone');
    expect(made).toBe(1);
    expect(slots.queued).toBe(0);
    release();
  });

  it('refuses everyone waiting and arriving once closed', async () => {
    const slots = new RunSlots(1, 5);
    const release = await slots.acquire({ waitMs: 1000 });
    const waiting = slots.acquire({ waitMs: 1000 });
    slots.close();
    await expect(waiting).rejects.toBeInstanceOf(ServerBusyError);
    await expect(slots.acquire({ waitMs: 1000 })).rejects.toMatchObject({ reason: 'shutting-down' });
    release();
    expect(slots.inFlight).toBe(0);
  });
});
