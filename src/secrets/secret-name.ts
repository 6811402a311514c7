import { majorityOf } from '../learn/majority.ts';
import { abstractText, fillText, type Vocabulary } from '../learn/vocabulary.ts';
import type { RoleDoc } from '../repo/graph/app-files.ts';
import { dig } from '../repo/graph/objects.ts';

/**
 * The name of the Secret an app's ExternalSecret (or 1Password item) makes, as the siblings name
 * theirs: the app's own name (`valheim`) or `<app>-secret`, whichever most of them make. The
 * secret's document and the app's `envFrom` both take it, so that they meet.
 */
export function secretNameFor(
  examples: readonly { docs: readonly RoleDoc[]; vocab: Vocabulary }[],
  app: string,
): string {
  const forms = examples.flatMap((e) =>
    e.docs.flatMap((d) => {
      if (!d.object) return [];
      const name =
        d.role === 'externalsecret'
          ? (dig(d.object.data, 'spec', 'target', 'name') ?? d.object.name)
          : d.role === 'other:OnePasswordItem'
            ? d.object.name
            : undefined;
      return typeof name === 'string' ? [abstractText(name, e.vocab)] : [];
    }),
  );
  const form = majorityOf(forms, (f) => f, true);
  return (form?.includes('⟪app⟫') ? fillText(form, { app }) : undefined) ?? `${app}-secret`;
}

/**
 * Whether most sibling ExternalSecrets are named as the Secret they make (`name: &name x` with
 * `target.name: *name`, or no target name): then the new one is named as its Secret too, rather
 * than after the app beside a target of another name.
 */
export function namedAsItsSecret(externalSecrets: readonly unknown[]): boolean {
  const same = externalSecrets.filter((data) => {
    const name = dig(data, 'metadata', 'name');
    const target = dig(data, 'spec', 'target', 'name') ?? name;
    return typeof name === 'string' && target === name;
  });
  return externalSecrets.length > 0 && same.length * 2 > externalSecrets.length;
}
