import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../errors/http-errors.js';
import { ServerBusyError } from '../limits/run-slots.js';
import { ClientDisconnectedError, RunStopper, type StoppableRun } from './run-stopper.js';

function fakeResponse(): ServerResponse & EventEmitter {
  return Object.assign(new EventEmitter(), { writableFinished: false }) as unknown as ServerResponse & EventEmitter;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RunStopper', () => {
  it('makes no AbortController until asked, and hands the same signal to every asker', () => {
    const spy = vi.spyOn(globalThis, 'AbortController');
    const stopper = new RunStopper(fakeResponse(), new Set(), 1000);
    expect(spy).not.toHaveBeenCalled();
    const signal = stopper.toAbortSignal();
    expect(stopper.toAbortSignal()).toBe(signal);
    expect(spy).toHaveBeenCalledTimes(1);
    stopper.detach();
    spy.mockRestore();
  });

  it('stops with a 504 naming the timeout when the deadline passes, aborting a signal handed out', async () => {
    vi.useFakeTimers();
    const stopper = new RunStopper(fakeResponse(), new Set(), 250);
    const signal = stopper.toAbortSignal();
    const raced = stopper.race(new Promise(() => {}));
    vi.advanceTimersByTime(250);
    await expect(raced).rejects.toBeInstanceOf(HttpError);
    expect(stopper.reason).toMatchObject({ status: 504 });
    expect(stopper.reason?.message).toContain('250 ms');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(stopper.reason);
  });

  it('stops when the client closes before the answer is written, not after', () => {
    const early = fakeResponse();
    const stopper = new RunStopper(early, new Set(), 1000);
    early.emit('close');
    expect(stopper.reason).toBeInstanceOf(ClientDisconnectedError);
    stopper.detach();

    const finished = fakeResponse();
    const done = new RunStopper(finished, new Set(), 1000);
    (finished as { writableFinished: boolean }).writableFinished = true;
    finished.emit('close');
    expect(done.aborted).toBe(false);
    done.detach();
  });

  it('is registered for shutdown until detached, and a signal made after the stop is already aborted', () => {
    const runs = new Set<StoppableRun>();
    const response = fakeResponse();
    const stopper = new RunStopper(response, runs, 1000);
    expect(runs.has(stopper)).toBe(true);
    for (const run of runs) run.shutdown();
    expect(stopper.reason).toBeInstanceOf(ServerBusyError);
    expect(stopper.toAbortSignal().aborted).toBe(true);
    stopper.detach();
    expect(runs.size).toBe(0);
    expect(response.listenerCount('close')).toBe(0);
  });

  it('ends a handed-out signal once the run is over, so downloads it left behind stop; the first stop wins', () => {
    const stopper = new RunStopper(fakeResponse(), new Set(), 1000);
    const signal = stopper.toAbortSignal();
    stopper.detach();
    stopper.end();
    expect(signal.aborted).toBe(true);
    expect(stopper.aborted).toBe(false);

    const twice = new RunStopper(fakeResponse(), new Set(), 1000);
    twice.stop(new ClientDisconnectedError());
    twice.shutdown();
    expect(twice.reason).toBeInstanceOf(ClientDisconnectedError);
    twice.detach();
  });
});
