import { makePng, startHttpServer, type RunningHttpServer } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressPolicy, type AddressPolicy } from './address-policy.js';
import { createImageUrlLoader, ImageUrlError, type ImageUrlLoaderOptions } from './fetch-image-url.js';

const png = makePng(4, 3);
let server: RunningHttpServer;
let port: string;

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const target = url.searchParams.get('to');
    switch (url.pathname) {
      case '/image.png':
        response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
        return;
      case '/redirect':
        response.writeHead(302, { location: target ?? '/image.png' }).end();
        return;
      case '/loop':
        response.writeHead(301, { location: '/loop' }).end();
        return;
      case '/big':
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(Buffer.alloc(64 * 1024));
        return;
      case '/slow':
        setTimeout(() => response.writeHead(200).end(png), 2000).unref();
        return;
      default:
        response.writeHead(404).end('missing');
    }
  });
  port = new URL(server.url).port;
});
afterAll(() => server.close());

// No TLS in tests: plain http is allowed through the same option operators use (FLOW_ALLOW_HTTP_URLS).
function loader(overrides: Partial<ImageUrlLoaderOptions> = {}) {
  return createImageUrlLoader({ policy: createAddressPolicy({ allowPrivateAddresses: true }), allowHttp: true, timeoutMs: 1000, maxBytes: 16 * 1024, maxRedirects: 3, ...overrides });
}

describe('createImageUrlLoader', () => {
  it('fetches an image when the address is allowed', async () => {
    const bytes = await loader()(`${server.url}/image.png`);
    expect(Buffer.from(bytes).equals(png)).toBe(true);
  });

  it('refuses loopback by default, before connecting', async () => {
    const strict = loader({ policy: createAddressPolicy({ allowPrivateAddresses: false }) });
    await expect(strict(`${server.url}/image.png`)).rejects.toThrow(/"127\.0\.0\.1" is not allowed: it points to a loopback, private or reserved address \(FLOW_ALLOW_PRIVATE_URLS\)/);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const strict = loader({ policy: createAddressPolicy({ allowPrivateAddresses: false }), resolve: async () => [{ address: '10.0.0.7', family: 4 }] });
    const refusal = strict(`http://images.internal.test:${port}/image.png`);
    await expect(refusal).rejects.toThrow(/"images\.internal\.test" is not allowed: it points to a loopback, private or reserved address \(FLOW_ALLOW_PRIVATE_URLS\)/);
    // No DNS oracle: the body does not say what the name resolved to.
    await expect(refusal).rejects.not.toThrow(/10\.0\.0\.7/);
  });

  it('refuses http unless allowed, and other schemes always', async () => {
    await expect(loader({ allowHttp: false })(`${server.url}/image.png`)).rejects.toThrow(/only https URLs are allowed/);
    await expect(loader()('ftp://example.test/a.png')).rejects.toThrow(/scheme "ftp:" is not allowed/);
    await expect(loader()('not a url')).rejects.toThrow(ImageUrlError);
  });

  it('follows redirects and checks every hop again', async () => {
    const bytes = await loader()(`${server.url}/redirect`);
    expect(bytes.length).toBe(png.length);
    // Private addresses allowed, but a redirect to 0.0.0.0 (which reaches the local host) never is.
    await expect(loader()(`${server.url}/redirect?to=http://0.0.0.0:${port}/image.png`)).rejects.toThrow(/"0\.0\.0\.0" is not allowed/);
    // A policy that trusts only 127.0.0.1: the first hop passes, the redirect to ::1 is refused.
    const onlyIpv4Loopback: AddressPolicy = { refusalReason: (address) => (address === '127.0.0.1' ? undefined : 'not 127.0.0.1') };
    await expect(loader({ policy: onlyIpv4Loopback })(`${server.url}/redirect?to=http://[::1]:${port}/image.png`)).rejects.toThrow(/"::1" is not allowed/);
    await expect(loader()(`${server.url}/loop`)).rejects.toThrow(/more than 3 redirects/);
  });

  it('caps the size, the time and reports HTTP errors', async () => {
    await expect(loader({ maxBytes: 1024 })(`${server.url}/big`)).rejects.toThrow(/over the limit of 1024 bytes/);
    await expect(loader({ maxBytes: 50 })(`${server.url}/image.png`)).rejects.toThrow(/over the limit of 50/);
    await expect(loader({ timeoutMs: 200 })(`${server.url}/slow`)).rejects.toThrow(/no complete answer within 200 ms/);
    await expect(loader()(`${server.url}/nothing-here`)).rejects.toThrow(/answered HTTP 404/);
  });

  it('masks API keys of the URL in its errors', async () => {
    await expect(loader()(`${server.url}/nothing?api_key=supersecretkey`)).rejects.toThrow(/api_key=su\*\*\*ey/);
  });

  it('stops when the run is aborted', async () => {
    const controller = new AbortController();
    const pending = loader({ timeoutMs: 5000 })(`${server.url}/slow`, controller.signal);
    controller.abort(new Error('run cancelled'));
    await expect(pending).rejects.toThrow('run cancelled');
  });
});
