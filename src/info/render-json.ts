import type { InfoModel } from './info-model.ts';

/** `homeops info --json`: the model as one object, `ok: true` first (errors print `ok: false`). */
export const renderJson = (model: InfoModel): string =>
  `${JSON.stringify({ ok: true, ...model }, null, 2)}\n`;
