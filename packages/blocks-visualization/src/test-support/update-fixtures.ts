// Regenerates the expected images: `pnpm --filter @flow/blocks-visualization exec tsx --conditions=@flow/source src/test-support/update-fixtures.ts`.
// Look at every image before committing it: the tests trust these files.
import { writeFile } from 'node:fs/promises';
import { expectedImages } from './expected-images.js';
import { fixturePath, visualizePets } from './fixtures.js';

for (const [name, { step, predictions }] of Object.entries(expectedImages)) {
  const image = await visualizePets(step, predictions);
  await writeFile(fixturePath(name), image.bytes);
  console.log(`wrote ${name}`);
}
