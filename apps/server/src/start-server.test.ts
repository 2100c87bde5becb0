import { formattersPack } from '@flow/blocks-formatters';
import { describe, expect, it } from 'vitest';
import { startServer } from './start-server.js';
import { serverTestPack } from './test-support/test-blocks.js';

describe('startServer', () => {
  it('logs how many block packs and blocks it serves', async () => {
    const lines: string[] = [];
    const running = await startServer({ port: 0, env: { FLOW_METRICS_DEFAULT: 'false' }, packs: [serverTestPack, formattersPack], signals: false, logDestination: { write: (line) => void lines.push(line) } });
    await running.close();
    const started = lines.map((line) => JSON.parse(line) as { msg: string; packs?: number; blocks?: number }).find((record) => record.msg.startsWith('Flow server listening'))!;
    const blocks = running.app.flow.engine.registry.blocks;
    expect(started).toMatchObject({ packs: new Set(blocks.map((entry) => entry.pack)).size, blocks: blocks.length });
    expect(started.packs).toBe(2);
    expect(started.blocks).toBeGreaterThan(2);
  });
});
