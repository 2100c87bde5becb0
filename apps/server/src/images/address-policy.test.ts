import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.js';

describe('createAddressPolicy', () => {
  const strict = createAddressPolicy({ allowPrivateAddresses: false });
  const relaxed = createAddressPolicy({ allowPrivateAddresses: true });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    // IPv4-translated, IPv4-compatible, NAT64 local-use and Teredo forms, hex or dotted, as URL parsing writes them.
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'loopback'],
    ['0:0:0:0:0:0:a00:1', 'private'],
    ['64:ff9b:1::a9fe:a9fe', 'link-local'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
  ])('refuses %s as %s by default, allows it when private URLs are allowed', (address, label) => {
    expect(strict.refusalReason(address)).toContain(label);
    expect(relaxed.refusalReason(address)).toBeUndefined();
  });

  it.each(['0.0.0.0', '::', '224.0.0.1', 'ff02::1', '255.255.255.255', '192.0.2.10'])('always refuses %s', (address) => {
    expect(strict.refusalReason(address)).toBeDefined();
    expect(relaxed.refusalReason(address)).toBeDefined();
  });

  it.each(['[::ffff:0:127.0.0.1]', '[::127.0.0.1]'])('refuses %s as the URL parser writes it', (host) => {
    const hostname = new URL(`https://${host}/image.png`).hostname;
    expect(strict.refusalReason(hostname)).toContain('loopback');
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '172.32.0.1'])('allows the public address %s', (address) => {
    expect(strict.refusalReason(address)).toBeUndefined();
  });
});
