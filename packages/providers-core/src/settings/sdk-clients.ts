/** The transport settings every vendor factory takes (`createOpenAI({ fetch, maxRetries, timeoutMs, headers })`). */
export interface SdkTransportSettings {
  fetch?: typeof globalThis.fetch;
  maxRetries?: number;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/**
 * The options an SDK client (openai, @anthropic-ai/sdk) gets from those settings: its own retries off unless asked
 * for (the registry's retry middleware is the one policy), the timeout, a custom fetch and default headers.
 */
export function sdkTransportOptions(settings: SdkTransportSettings, extraHeaders: Record<string, string> = {}) {
  const headers = { ...extraHeaders, ...settings.headers };
  return {
    maxRetries: settings.maxRetries ?? 0,
    ...(settings.timeoutMs === undefined ? {} : { timeout: settings.timeoutMs }),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    ...(Object.keys(headers).length > 0 ? { defaultHeaders: headers } : {}),
  };
}

/**
 * One SDK client per (base URL, key), shared by every model of a provider: the registry may ask for a model per
 * call, and the key and base URL may change between calls when they are read from the environment.
 */
export class SdkClientCache<Client> {
  readonly #clients = new Map<string, Client>();

  get(baseURL: string, key: string, create: () => Client): Client {
    const id = `${baseURL}\n${key}`;
    let client = this.#clients.get(id);
    if (client === undefined) {
      client = create();
      this.#clients.set(id, client);
    }
    return client;
  }
}
