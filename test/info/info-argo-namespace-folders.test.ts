import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/temp-repo.ts';
import { info } from './info-support.ts';

/**
 * An ApplicationSet over `apps/home/<namespace>/<app>` (no group level): info lists each namespace
 * folder with its apps, offers no --group, and its secret command names an app that has no
 * secret yet, so that it runs as printed.
 */
describe('homeops info where the ApplicationSet picks apps/<cluster>/<namespace>/<app>', () => {
  it('lists the namespace folders, and names an app without a secret in the secret command', async () => {
    const { model, text } = await info(
      join(ROOT, 'test/fixtures/shapes/argocd-appset-namespace-segment'),
    );
    expect(text).toContain('media apps/home/media/: 4 apps: bazarr, jellyseerr, sabnzbd, tautulli');
    expect(text).toContain(
      'automation apps/home/automation/: 3 apps: esphome, mosquitto, node-red',
    );
    const app = model.commands.find((c) => c.command.startsWith('homeops app '));
    expect(app?.command).not.toContain('--group');
    const secret = model.commands.find((c) => c.command.startsWith('homeops secret '));
    // bazarr and sabnzbd have an ExternalSecret already
    expect(secret?.command).toContain('--app=jellyseerr ');
  });
});
