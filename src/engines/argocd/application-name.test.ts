import { describe, expect, it } from 'vitest';
import { applicationName } from './app-slots.ts';

describe('applicationName: the Application an ApplicationSet makes of a folder', () => {
  it('fills the path parameters of both template syntaxes', () => {
    expect(applicationName('{{path.basename}}', 'my-apps/media/radarr')).toBe('radarr');
    expect(applicationName('my-apps-{{ .path.basename }}', 'my-apps/media/radarr')).toBe(
      'my-apps-radarr',
    );
    expect(applicationName('{{path[1]}}-{{path.basename}}', 'my-apps/media/radarr')).toBe(
      'media-radarr',
    );
    expect(
      applicationName('{{ index .path.segments 1 }}-{{ .path.basenameNormalized }}', 'a/b/My_App'),
    ).toBe('b-my-app');
    expect(applicationName('fixed', 'a/b')).toBe('fixed');
  });

  it('is unknown where the name takes something else', () => {
    expect(applicationName('{{ .name }}', 'apps/x')).toBeUndefined();
    expect(applicationName(undefined, 'apps/x')).toBeUndefined();
  });
});
