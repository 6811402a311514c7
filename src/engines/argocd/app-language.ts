import { posix } from 'node:path';
import { HomeopsError } from '../../errors.ts';
import { majorityOf } from '../../learn/majority.ts';
import { dig, isYamlFile, str } from '../../repo/graph/objects.ts';
import { sourcesOf } from './argo-objects.ts';
import type { ArgoModel } from './argo-model.ts';
import type { AppSlot } from './app-slots.ts';
import { argoAppDocs } from './examples.ts';

/** What the apps of an ApplicationSet are written in, where it is not YAML manifests. */
export interface AppLanguage {
  /** `KCL`, `Jsonnet`, or `the config-management plugin <name>`. */
  language: string;
  /** The sources that tell (`main.k, kcl.mod`), as the first such sibling names them. */
  files: string[];
  /** A sibling folder written so, to follow. */
  sample: string;
  /**
   * The sibling app's own folder: the sample, or its parent where the pattern's last level is
   * the cluster (the template's destination named from `path.basename`).
   */
  appDir: string;
}

/** Source files Argo CD renders through a tool (natively or by a plugin), by the language they are in. */
const LANGUAGES: { language: string; matches: (name: string) => boolean }[] = [
  { language: 'KCL', matches: (n) => n.endsWith('.k') || n === 'kcl.mod' },
  {
    language: 'Jsonnet',
    matches: (n) => /\.(jsonnet|libsonnet)$/.test(n) || n === 'jsonnetfile.json',
  },
  { language: 'CUE', matches: (n) => n.endsWith('.cue') || n === 'cue.mod' },
  { language: 'Pkl', matches: (n) => n.endsWith('.pkl') || n === 'PklProject' },
  { language: 'Dhall', matches: (n) => n.endsWith('.dhall') },
  { language: 'Nix', matches: (n) => n.endsWith('.nix') },
  { language: 'cdk8s (TypeScript)', matches: (n) => n === 'cdk8s.yaml' },
];

/**
 * The language of the apps an ApplicationSet picks up where most of its folders hold no YAML
 * manifests (no Kubernetes object, kustomization or chart) and sources of another language
 * (`main.k` and `kcl.mod`), or its template renders them through a config-management plugin:
 * homeops writes YAML, so a new app there is written by hand. Undefined for YAML apps.
 */
export function appLanguageOf(model: ArgoModel, slot: AppSlot): AppLanguage | undefined {
  const plugin = pluginOf(slot);
  const foreign = slot.folders.flatMap((f) => {
    if (holdsManifests(model, f.dir)) return [];
    const names = model.tree.children(f.dir);
    const found = LANGUAGES.find((l) => names.some(l.matches));
    if (found)
      return [{ dir: f.dir, language: found.language, files: names.filter(found.matches) }];
    return plugin
      ? [{ dir: f.dir, language: plugin, files: names.filter((n) => !isYamlFile(n)) }]
      : [];
  });
  if (foreign.length === 0 || foreign.length * 2 <= slot.folders.length) return undefined;
  const language = majorityOf(foreign, (f) => f.language) ?? '';
  const first = foreign.find((f) => f.language === language);
  return {
    language: plugin && language !== plugin ? `${language} (through ${plugin})` : language,
    files: first?.files.slice(0, 3) ?? [],
    sample: first?.dir ?? '',
    appDir: first && lastLevelIsCluster(slot) ? posix.dirname(first.dir) : (first?.dir ?? ''),
  };
}

/** The refusal of a new app where the ApplicationSet's apps are not YAML. */
export function notYamlError(slot: AppSlot, found: AppLanguage): HomeopsError {
  return new HomeopsError(
    'LAYOUT',
    `ApplicationSet ${slot.appSet.name} (${slot.appSet.object.file}, ${slot.pattern}) picks up apps written in ${found.language} (${found.files.join(', ')} in ${found.sample}), not YAML manifests: homeops writes only YAML`,
    {
      file: slot.appSet.object.file,
      fix: `write the app by hand in ${found.language}, following a sibling (${found.appDir})`,
    },
  );
}

/** Whether a folder holds YAML an Argo CD directory source deploys: objects, a kustomization, a chart. */
function holdsManifests(model: ArgoModel, dir: string): boolean {
  if (model.tree.isFile(posix.join(dir, 'Chart.yaml'))) return true;
  return argoAppDocs(model, dir).some((d) => d.role === 'kustomization' || d.object !== undefined);
}

/** Whether the template's destination cluster is the folder's name (`name: '{{.path.basename}}'`). */
function lastLevelIsCluster(slot: AppSlot): boolean {
  const destination = dig(slot.appSet.object.data, 'spec', 'template', 'spec', 'destination');
  const named = [str(dig(destination, 'name')), str(dig(destination, 'server'))];
  return named.some((t) => t !== undefined && /\{\{-?\s*\.?[\w.]*path\.basename\s*-?\}\}/.test(t));
}

/** `the config-management plugin <name>` where the template's source names one. */
function pluginOf(slot: AppSlot): string | undefined {
  const spec = dig(slot.appSet.object.data, 'spec', 'template', 'spec');
  const source = sourcesOf(spec).find((s) => s.plugin !== undefined);
  if (!source) return undefined;
  const name = str(dig(source, 'plugin', 'name'));
  return name ? `the config-management plugin ${name}` : 'a config-management plugin';
}
