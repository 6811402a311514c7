#!/usr/bin/env node
// The homeops CLI, bundled by `npm run build` (run by npm ci / npm install through `prepare`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/homeops.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'homeops: dist/homeops.mjs is missing: run `npm run build` in the homeops-scaffold folder\n',
  );
  process.exit(2);
}
await import(bundle.href);
