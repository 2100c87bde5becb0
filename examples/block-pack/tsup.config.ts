import { defineConfig } from 'tsup';

// ESM with type declarations; the host's @flow/engine, @flow/kinds and zod stay external (peer dependencies).
export default defineConfig({ entry: ['src/index.ts'], format: ['esm'], dts: true, sourcemap: true, clean: true, target: 'node20' });
