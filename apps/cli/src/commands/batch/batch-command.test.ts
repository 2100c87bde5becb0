import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBatchFolder, testPackPath } from '../../test-support/batch-fixtures.js';
import { runFlow } from '../../test-support/run-flow.js';

async function readLines(path: string) {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line));
}

const batch = (directory: string, ...args: string[]) => runFlow(['batch', 'workflow.json', ...args, '--plugin', testPackPath], { cwd: directory });

describe('flow batch', () => {
  it('runs every image of a folder (recursively) and writes one JSON line per image', async () => {
    const directory = await makeBatchFolder(7);
    const { code, stderr } = await batch(directory, 'images', '--out', 'results.jsonl');
    expect(code).toBe(0);
    const lines = await readLines(join(directory, 'results.jsonl'));
    expect(lines).toHaveLength(7);
    const byImage = new Map(lines.map((line) => [line.image, line]));
    expect(byImage.get('images/img-0002.png')).toEqual({ image: 'images/img-0002.png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), outputs: { size: '3x1', width: 3 }, usage: { input_tokens: 0, output_tokens: 0, calls: 0, cached: 0, models: [] } });
    expect(byImage.get('images/sub/img-0004.png')?.outputs).toEqual({ size: '5x1', width: 5 });
    expect(stderr).toMatch(/7 images: 7 ok, 0 failed, 0 already done/);
    expect(stderr).toMatch(/no model calls/);
  });

  it('records a failing image as an error line and exits 1', async () => {
    const directory = await makeBatchFolder(4, { broken: [1] });
    const { code } = await batch(directory, 'images', '--out', 'results.jsonl', '--quiet');
    expect(code).toBe(1);
    const lines = await readLines(join(directory, 'results.jsonl'));
    const broken = lines.find((line) => line.image === 'images/img-0001.png');
    expect(broken).toEqual({ image: 'images/img-0001.png', sha256: expect.any(String), error: { code: 'INVALID_RUNTIME_INPUT', message: expect.stringMatching(/not a readable image/), step: null } });
    expect(lines.filter((line) => line.outputs)).toHaveLength(3);
  });

  it('takes files and globs, each image once, and binds --input values to the other inputs', async () => {
    const directory = await makeBatchFolder(6);
    const { code } = await batch(directory, 'images/img-0000.png', 'images/*.png', 'images/**/img-0004.png', '--out', 'r.jsonl', '--input', 'delay=1', '--quiet');
    expect(code).toBe(0);
    const images = (await readLines(join(directory, 'r.jsonl'))).map((line) => line.image).sort();
    expect(images).toEqual(['images/img-0000.png', 'images/img-0001.png', 'images/img-0002.png', 'images/img-0003.png', 'images/img-0005.png', 'images/sub/img-0004.png']);
  });

  it('resumes: skips images already recorded with the same content, re-runs changed ones, and --retry-failed re-runs failures', async () => {
    const directory = await makeBatchFolder(5, { broken: [3] });
    const out = join(directory, 'results.jsonl');
    expect((await batch(directory, 'images', '--out', 'results.jsonl', '--quiet')).code).toBe(1);
    const again = await batch(directory, 'images', '--out', 'results.jsonl');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/5 images: 0 ok, 0 failed, 5 already done \(1 of them failed; --retry-failed/);
    expect(await readLines(out)).toHaveLength(5);

    // Fix the broken image and change another: both run again, the rest is skipped.
    const { makePng: tinyPng } = await import('@flow/testing');
    await writeFile(join(directory, 'images/img-0003.png'), tinyPng(40, 1, [1, 2, 3]));
    await writeFile(join(directory, 'images/img-0000.png'), tinyPng(30, 1, [1, 2, 3]));
    const retried = await batch(directory, 'images', '--out', 'results.jsonl', '--retry-failed');
    expect(retried.code).toBe(0);
    expect(retried.stderr).toMatch(/2 ok, 0 failed, 3 already done/);
    const lines = await readLines(out);
    expect(lines.filter((line) => line.error)).toHaveLength(0); // the failed line was removed, not kept beside the new one
    expect(lines.filter((line) => line.image === 'images/img-0003.png').map((line) => line.outputs)).toEqual([{ size: '40x1', width: 40 }]);
    // The changed image has its old and its new result: different content, different key.
    expect(lines.filter((line) => line.image === 'images/img-0000.png').map((line) => line.outputs.width)).toEqual([1, 30]);
  });

  it('drops a torn last line left by a killed run and runs that image again', async () => {
    const directory = await makeBatchFolder(3);
    const out = join(directory, 'results.jsonl');
    await batch(directory, 'images', '--out', 'results.jsonl', '--quiet');
    const complete = await readFile(out, 'utf8');
    const lines = complete.trimEnd().split('\n');
    await writeFile(out, `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 25)}`);
    const resumed = await batch(directory, 'images', '--out', 'results.jsonl');
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/removed a partly written last line/);
    expect(resumed.stderr).toMatch(/1 ok, 0 failed, 2 already done/);
    const after = await readLines(out);
    expect(after.map((line) => line.image).sort()).toEqual(lines.map((line) => JSON.parse(line).image).sort());
  });

  it('refuses a results file that is not one, instead of appending to it', async () => {
    const directory = await makeBatchFolder(1);
    await writeFile(join(directory, 'notes.txt'), 'dear diary\n');
    const { code, stderr } = await batch(directory, 'images', '--out', 'notes.txt');
    expect(code).toBe(1);
    expect(stderr).toMatch(/notes.txt line 1 is not JSON/);
    expect(await readFile(join(directory, 'notes.txt'), 'utf8')).toBe('dear diary\n');
  });

  it('writes CSV with one column per scalar output, from a JSONL journal that makes it resumable', async () => {
    const directory = await makeBatchFolder(3, { broken: [2] });
    expect((await batch(directory, 'images', '--out', 'table.csv', '--quiet')).code).toBe(1);
    const rows = (await readFile(join(directory, 'table.csv'), 'utf8')).trimEnd().split('\n');
    expect(rows[0]).toBe('image,sha256,status,error.code,error.message,error.step,size,width');
    const row = (image: string) => rows.find((line) => line.startsWith(`${image},`));
    expect(row('images/img-0000.png')).toMatch(/^images\/img-0000\.png,[0-9a-f]{64},ok,,,,1x1,1$/);
    expect(row('images/img-0002.png')).toMatch(/^images\/img-0002\.png,[0-9a-f]{64},failed,INVALID_RUNTIME_INPUT,"?.*not a readable image.*,$/);
    expect(await readLines(join(directory, 'table.csv.jsonl'))).toHaveLength(3);
    await appendFile(join(directory, 'table.csv.jsonl'), ''); // a resume reads the journal, not the CSV
    const resumed = await batch(directory, 'images', '--out', 'table.csv');
    expect(resumed.stderr).toMatch(/0 ok, 0 failed, 3 already done/);
    expect((await readFile(join(directory, 'table.csv'), 'utf8')).trimEnd().split('\n')).toEqual(rows);
  });

  it('prints a plain progress line every interval when stderr is not a terminal, and nothing with --quiet', async () => {
    const directory = await makeBatchFolder(4);
    const env = { FLOW_BATCH_PROGRESS_INTERVAL_MS: '20' };
    const loud = await runFlow(['batch', 'workflow.json', 'images', '--out', 'a.jsonl', '--input', 'delay=30', '--concurrency', '1', '--plugin', testPackPath], { cwd: directory, env });
    expect(loud.stderr).toMatch(/^flow batch: \d+\/4 · failed 0 · [\d.]+\/s · ETA \S+ · 0 tokens$/m);
    const quiet = await runFlow(['batch', 'workflow.json', 'images', '--out', 'b.jsonl', '--input', 'delay=30', '--quiet', '--plugin', testPackPath], { cwd: directory, env });
    expect(quiet.stderr).toBe('');
  });

  it('exits 2 on usage errors, naming what is wrong', async () => {
    const directory = await makeBatchFolder(1);
    const cases: Array<[string[], RegExp]> = [
      [['images'], /missing --out/],
      [[], /missing IMAGES/],
      [['nowhere', '--out', 'r.jsonl'], /no such image file or folder: nowhere/],
      [['images/*.tiff', '--out', 'r.jsonl'], /no images found in images\/\*\.tiff/],
      [['images', '--out', 'r.jsonl', '--format', 'xml'], /--format must be jsonl or csv/],
      [['images', '--out', 'r.jsonl', '--concurrency', '0'], /--concurrency must be a whole number/],
      [['images', '--out', 'r.jsonl', '--image-input', 'delay'], /not an image input of the workflow \(image inputs: image\)/],
      [['images', '--out', 'r.jsonl', '--input', 'image=x.png'], /that input takes the batch's images/],
      [['images', '--out', 'r.jsonl', '--input', 'nope=1'], /no input named "nope"/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await batch(directory, ...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
    expect(await readdir(directory)).not.toContain('r.jsonl');
  });

  it('asks for --image-input when the workflow has several image inputs', async () => {
    const directory = await makeBatchFolder(1);
    const two = { version: '1.0', inputs: [{ type: 'WorkflowImage', name: 'left' }, { type: 'WorkflowImage', name: 'right' }], steps: [{ type: 'test/image_size@v1', name: 's', image: '$inputs.left' }, { type: 'test/image_size@v1', name: 't', image: '$inputs.right' }], outputs: [{ type: 'JsonField', name: 'w', selector: '$steps.s.width' }] };
    await writeFile(join(directory, 'two.json'), JSON.stringify(two));
    const ambiguous = await runFlow(['batch', 'two.json', 'images', '--out', 'r.jsonl', '--plugin', testPackPath], { cwd: directory });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/several image inputs \(left, right\); choose one with --image-input NAME/);
    const chosen = await runFlow(['batch', 'two.json', 'images', '--out', 'r.jsonl', '--image-input', 'left', '--input', 'right=images/img-0000.png', '--quiet', '--plugin', testPackPath], { cwd: directory });
    expect(chosen.code).toBe(0);
  });
});

describe('flow batch usage', () => {
  it('puts each run\'s usage on its line and sums tokens by provider and model, with cache hits, in the summary', async () => {
    const directory = await makeBatchFolder(3);
    const model = { version: '1.0', inputs: [{ type: 'WorkflowImage', name: 'image' }], steps: [{ type: 'test/fake_model@v1', name: 'model', image: '$inputs.image' }], outputs: [{ type: 'JsonField', name: 'answer', selector: '$steps.model.answer' }] };
    await writeFile(join(directory, 'model.json'), JSON.stringify(model));
    const { code, stderr } = await runFlow(['batch', 'model.json', 'images', '--out', 'r.jsonl', '--plugin', testPackPath], { cwd: directory });
    expect(code).toBe(0);
    const lines = await readLines(join(directory, 'r.jsonl'));
    const second = lines.find((line) => line.image === 'images/img-0001.png');
    expect(second).toMatchObject({ outputs: { answer: 'seen 2x1' }, usage: { input_tokens: 12, output_tokens: 5, calls: 1, cached: 0, models: [{ provider: 'fake', model: 'fake-vision-1', input_tokens: 12, output_tokens: 5, calls: 1, cached: 0 }] } });
    // widths 1, 2, 3: 11 + 12 + 13 input tokens, 3 x 5 output tokens, one cache hit (width 1).
    expect(stderr).toMatch(/fake fake-vision-1: 36 input \+ 15 output tokens, 3 calls, 1 cache hits/);
  });
});

describe('flow batch unreadable files', () => {
  it('records a file it cannot read once, with no hash, and skips it on resume', async () => {
    const { symlink } = await import('node:fs/promises');
    const directory = await makeBatchFolder(2);
    await symlink(join(directory, 'missing.png'), join(directory, 'images', 'ghost.png'));
    const first = await batch(directory, 'images', '--out', 'r.jsonl', '--quiet');
    expect(first.code).toBe(1);
    const again = await batch(directory, 'images', '--out', 'r.jsonl');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/0 ok, 0 failed, 3 already done \(1 of them failed/);
    const lines = await readLines(join(directory, 'r.jsonl'));
    expect(lines.filter((line) => line.image === 'images/ghost.png')).toEqual([{ image: 'images/ghost.png', sha256: null, error: { code: 'IMAGE_UNREADABLE', message: 'cannot read images/ghost.png: ENOENT', step: null } }]);
  });
});
