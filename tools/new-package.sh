#!/usr/bin/env bash
# Scaffolds a workspace package: tools/new-package.sh <dir under packages|apps> <@flow/name> "<one-line purpose>" [private]
set -euo pipefail
dir=$1; name=$2; purpose=$3; private=${4:-}
mkdir -p "$dir/src"
cat > "$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "description": "$purpose",
  $( [ -n "$private" ] && echo '"private": true,' )
  "type": "module",
  "sideEffects": false,
  "license": "Apache-2.0",
  "exports": {
    "./package.json": "./package.json",
    ".": {
      "@flow/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "import": "./dist/index.js"
    }
  },
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "files": ["dist", "README.md", "CHANGELOG.md"],
  "engines": { "node": ">=20.19" },
  "scripts": {
    "build": "tsup",
    "typecheck": "tsc -p tsconfig.json"
  },
  "publishConfig": { "access": "public" },
  "repository": { "type": "git", "url": "https://example.invalid/flow.git", "directory": "$dir" }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "include": ["src"]
}
JSON
cat > "$dir/tsup.config.ts" <<'TS'
import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base.js';

export default defineConfig(baseConfig);
TS
