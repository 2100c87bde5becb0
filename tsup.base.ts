import type { Options } from 'tsup';

/** Shared build settings: every package ships ESM + .d.ts from src/index.ts. */
export const baseConfig: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
};
