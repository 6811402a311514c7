/**
 * Run in a fresh process by lazy-load.test.ts: prints which @1password packages are loaded after
 * importing the source layer and after opening each network-free source.
 */
import { createRequire } from 'node:module';
import { chooseSource } from '../../src/onepassword/choose-source.ts';
import { createSource } from '../../src/onepassword/create-source.ts';
import '../../src/onepassword/reference-names.ts';
import '../../src/onepassword/sdk-source.ts';

const cache = createRequire(import.meta.url).cache;
const loaded = (): string[] =>
  [...new Set(Object.keys(cache).flatMap((k) => k.match(/@1password\/[^/]+/g) ?? []))].sort();

const afterImport = loaded();
await createSource(chooseSource({}), { integrationVersion: '0.0.0' });
const afterOffline = loaded();
await createSource(
  chooseSource({ OP_CONNECT_HOST: 'http://127.0.0.1:1', OP_CONNECT_TOKEN: 'unused' }),
  { integrationVersion: '0.0.0' },
);
const afterConnect = loaded();
process.stdout.write(JSON.stringify({ afterImport, afterOffline, afterConnect }));
