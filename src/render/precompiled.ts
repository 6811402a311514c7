/**
 * Templates precompiled by the build (scripts/build.mjs replaces this module in the bundle), so
 * the CLI never runs the handlebars compiler. Empty in development: templates compile on first use.
 */
export const PRECOMPILED: Record<string, TemplateSpecification> = {};
export const PRECOMPILED_PARTIALS: Record<string, TemplateSpecification> = {};
