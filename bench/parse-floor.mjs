// A floor under `homeops app`: load the yaml library and parse every YAML file of the repo once,
// as any generator that learns from the repo's files must; no learning, rendering or writing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const yamlFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === '.git'
      ? []
      : e.isDirectory()
        ? yamlFiles(join(dir, e.name))
        : /\.ya?ml$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
  );
for (const file of yamlFiles(process.argv[2])) parseAllDocuments(readFileSync(file, 'utf8'));
