interface Subscribers {
  callbacks: Set<() => void>;
  listener: () => void;
}

const subscribersBySignal = new WeakMap<AbortSignal, Subscribers>();

/**
 * Runs `callback` once when `signal` aborts; returns the function that unsubscribes. Every subscriber of a signal
 * shares one real `abort` listener, so a run with many model calls in flight (each waiting for a slot, a timer or
 * an answer) adds one listener to the run's signal, not one per call: no `MaxListenersExceededWarning` above 10.
 * The listener goes when its last subscriber does.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let subscribers = subscribersBySignal.get(signal);
  if (!subscribers) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      subscribersBySignal.delete(signal);
      for (const subscriber of [...callbacks]) subscriber();
      callbacks.clear();
    };
    subscribers = { callbacks, listener };
    subscribersBySignal.set(signal, subscribers);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = subscribers;
  // A Set would merge two subscriptions of one function; wrap it so each unsubscribes only itself.
  const entry = () => callback();
  callbacks.add(entry);
  return () => {
    if (!callbacks.delete(entry) || callbacks.size > 0) return;
    signal.removeEventListener('abort', listener);
    if (subscribersBySignal.get(signal)?.listener === listener) subscribersBySignal.delete(signal);
  };
}
