/**
 * Flux's post-build substitution, as kustomize-controller runs it over what a Kustomization built
 * (the envsubst rules it documents): `${NAME}` is the variable's value (empty when it has none,
 * or an error in strict mode), `${NAME:-default}` / `${NAME:=default}` the default when it has
 * none, `$$` is one `$` (so `$${NAME}` stays `${NAME}`), and any other `$` is itself. The oracle
 * of test/secret-substitution.test.ts, written from the rules, not from homeops' code.
 */
export function fluxSubstitute(
  text: string,
  vars: Readonly<Record<string, string>>,
  strict = false,
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '$' && next === '$') {
      out += '$';
      i += 2;
    } else if (c === '$' && next === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) throw new Error(`unclosed \${ at ${i}`);
      const body = text.slice(i + 2, close);
      const m = /^([_A-Za-z][_A-Za-z0-9]*)(?::?[-=](.*))?$/s.exec(body);
      if (!m) throw new Error(`bad substitution \${${body}}`);
      const [, name = '', fallback] = m;
      const value = vars[name];
      if (value === undefined && fallback === undefined && strict)
        throw new Error(`variable not set (strict mode): ${name}`);
      out += value ?? fallback ?? '';
      i = close + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
