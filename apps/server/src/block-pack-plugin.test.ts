import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createServer } from './create-server.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) => readFile(`${root}examples/block-pack/test/${name}`);

// The example third-party pack (examples/block-pack, loaded from its build), served next to the defaults.
it('serves the example block pack named by FLOW_PLUGINS', async () => {
  const app = await createServer({ env: { FLOW_PLUGINS: './examples/block-pack' }, cwd: root, logDestination: false, config: { collectDefaultMetrics: false } });
  try {
    const specification = JSON.parse((await fixture('count-pets.workflow.json')).toString());
    const inputs = JSON.parse((await fixture('count-pets.inputs.json')).toString());
    inputs.image = { type: 'base64', value: (await fixture('pets.png')).toString('base64') };
    const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification, inputs } });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs).toEqual([{ counts: { cat: 2, dog: 1 }, total: 3 }]);
    const described = await app.inject({ method: 'POST', url: '/workflows/blocks/describe' });
    expect(described.json().blocks.map((block: { manifest_type_identifier: string }) => block.manifest_type_identifier)).toContain('acme/class_count@v1');
  } finally {
    await app.close();
  }
});

it('serves the visualization blocks by default: the README example answers an annotated picture', async () => {
  const app = await createServer({ env: {}, cwd: root, logDestination: false, config: { collectDefaultMetrics: false } });
  try {
    const workflows = `${root}examples/workflows/`;
    const specification = JSON.parse(await readFile(`${workflows}annotate-from-answer.workflow.json`, 'utf8'));
    const inputs = JSON.parse(await readFile(`${workflows}annotate-from-answer.inputs.json`, 'utf8'));
    inputs.image = { type: 'base64', value: (await readFile(`${workflows}pets.png`)).toString('base64') };
    const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification, inputs } });
    expect(response.statusCode).toBe(200);
    const [result] = response.json().outputs;
    expect(result.annotated.type).toBe('base64');
    expect(Buffer.from(result.annotated.value, 'base64').equals(await readFile(`${workflows}pets.annotated.png`))).toBe(true);
  } finally {
    await app.close();
  }
});
