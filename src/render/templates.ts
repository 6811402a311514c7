import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { doubleQuoted, yamlScalar } from '../yaml/scalar.ts';
import { packageRoot } from './package-root.ts';
import { PRECOMPILED, PRECOMPILED_PARTIALS } from './precompiled.ts';

/**
 * One handlebars environment for every template: HTML escaping off (YAML is not HTML) and strict
 * variables (a missing value is an error, never an empty string). Scalars from user input go
 * through `q` (quoted when YAML would misread them) or `qq` (always double-quoted).
 */
const hb = Handlebars.create();
hb.registerHelper('q', (value: unknown) => yamlScalar(value as string));
hb.registerHelper('qq', (value: unknown) => doubleQuoted(String(value)));
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
let partialsLoaded = false;

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** How every template is compiled, at build time and in development alike. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Render `templates/<path>.hbs` with a complete view model. */
export function render(path: string, view: object): string {
  let template = compiled.get(path);
  if (!template) {
    loadPartials();
    const spec = PRECOMPILED[path];
    template = spec
      ? hb.template(spec)
      : hb.compile(
          readFileSync(join(packageRoot(), 'templates', `${path}.hbs`), 'utf8'),
          COMPILE_OPTIONS,
        );
    compiled.set(path, template);
  }
  return template(view);
}

function loadPartials(): void {
  if (partialsLoaded) return;
  partialsLoaded = true;
  if (Object.keys(PRECOMPILED_PARTIALS).length > 0) {
    for (const [name, spec] of Object.entries(PRECOMPILED_PARTIALS))
      hb.registerPartial(name, hb.template(spec));
    return;
  }
  const dir = join(packageRoot(), 'templates', 'partials');
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs'))
      hb.registerPartial(
        file.slice(0, -4),
        hb.compile(readFileSync(join(dir, file), 'utf8'), COMPILE_OPTIONS),
      );
  }
}
