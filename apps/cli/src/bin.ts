#!/usr/bin/env node
import { writeSync } from 'node:fs';
import { blockPacksStillImporting } from '@flow/engine';
import { main } from './main.js';

// Node ends a process whose top-level await can never settle with exit code 13 and no message; the
// usual cause here is a block pack that awaits something forever while it is imported.
process.on('exit', () => {
  if (process.exitCode !== 13) return;
  const packs = blockPacksStillImporting();
  if (packs.length === 0) return;
  writeSync(2, `flow: block pack ${packs.map((pack) => `"${pack}"`).join(', ')} never finished loading: its top-level await does not settle (it waits for something that cannot happen). Fix or remove the pack.\n`);
  process.exitCode = 1;
});

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
process.exitCode = code;
