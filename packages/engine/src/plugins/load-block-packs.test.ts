import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine, createEngineWithPlugins } from '../engine.js';
import { BlockPackError } from '../errors/plugin-errors.js';
import { testBlocksPack } from '../testing/test-blocks.js';
import { loadBlockPacks, parsePluginList } from './load-block-packs.js';

const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const examplePack = join(repositoryRoot, 'examples/flow-blocks-text');

describe('block packs by module specifier', () => {
  it('splits FLOW_PLUGINS lists', () => {
    expect(parsePluginList(' a, ./b ,,@scope/c ')).toEqual(['a', './b', '@scope/c']);
    expect(parsePluginList(undefined)).toEqual([]);
  });

  it('loads a pack that lives outside packages/ by path, through FLOW_PLUGINS', async () => {
    const engine = await createEngineWithPlugins({ packs: [testBlocksPack], cwd: repositoryRoot, env: { FLOW_PLUGINS: './examples/flow-blocks-text' } });
    expect(engine.registry.find('acme/word_count@v1')?.pack).toBe('flow-blocks-text');
    expect(engine.registry.kind('acme_word_count')).toBeDefined();
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'text' }],
      steps: [{ type: 'acme/word_count@v1', name: 'count', text: '$inputs.text' }],
      outputs: [{ type: 'JsonField', name: 'count', selector: '$steps.count.count' }],
    });
    expect(workflow.serialize(await workflow.run({ text: 'a b c' }))).toEqual([{ count: 3 }]);
  });

  it('loads an installed pack by package name from the working directory', async () => {
    const project = await mkdtemp(join(tmpdir(), 'flow-plugins-'));
    const installed = join(project, 'node_modules', '@acme', 'flow-blocks-empty');
    await mkdir(join(installed, 'dist'), { recursive: true });
    await writeFile(join(installed, 'package.json'), JSON.stringify({ name: '@acme/flow-blocks-empty', type: 'module', exports: { '.': { import: './dist/pack.js' } } }));
    await writeFile(join(installed, 'dist', 'pack.js'), "export default { name: 'acme-empty', blocks: [] };");
    const nested = join(project, 'apps', 'server');
    await mkdir(nested, { recursive: true });
    const [pack] = await loadBlockPacks(['@acme/flow-blocks-empty'], { cwd: nested });
    expect(pack!.name).toBe('acme-empty');
  });

  it('says clearly when a pack cannot be imported or is not a pack', async () => {
    await expect(loadBlockPacks(['./does-not-exist'], { cwd: repositoryRoot })).rejects.toThrow(/Could not load block pack "\.\/does-not-exist"/);
    await expect(loadBlockPacks(['flow-blocks-nowhere'], { cwd: tmpdir() })).rejects.toThrow(/Make sure the package is installed/);
    const directory = await mkdtemp(join(tmpdir(), 'flow-notpack-'));
    await writeFile(join(directory, 'index.js'), 'export default { hello: 1 };');
    await expect(loadBlockPacks([directory])).rejects.toThrow(/does not export a block pack/);
  });

  it('refuses a pack whose block id, alias or kind clashes with a registered one', async () => {
    const [pack] = await loadBlockPacks([examplePack]);
    const copies = pack!.blocks.map((block) => ({ ...block }));
    expect(() => createEngine({ packs: [pack!, { name: 'copycat', blocks: copies }] })).toThrow(BlockPackError);
    expect(() => createEngine({ packs: [pack!, { name: 'copycat', blocks: copies }] })).toThrow(/clashes with block "acme\/word_count@v1" of pack "flow-blocks-text"/);
    const aliasClash = { name: 'alias', blocks: [{ ...testBlocksPack.blocks[1]!, type: 'other/size@v1', aliases: ['Upper'] }] };
    expect(() => createEngine({ packs: [testBlocksPack, aliasClash] })).toThrow(/on the identifier "Upper"/);
    // The same pack twice is harmless: a block object is registered once.
    expect(createEngine({ packs: [pack!, pack!] }).registry.blocks).toHaveLength(2);
    const imageClash = { name: 'rogue', blocks: [], kinds: [{ name: 'image', description: 'not an image', serialisedDataType: 'str', internalDataType: 'str' }] };
    expect(() => createEngine({ packs: [imageClash] })).toThrow(/defines kind "image", which pack "core" already defines/);
  });

  it('validates the pack shape with a message naming the block and field', () => {
    const broken = { name: 'broken', blocks: [{ ...testBlocksPack.blocks[0]!, type: 'no-version', run: 'nope' }] };
    expect(() => createEngine({ packs: [broken as never] })).toThrow(/Block "no-version" of pack "broken" is malformed: type must look like "<pack>\/<block>@v<N>"; run must be a function/);
  });
});
