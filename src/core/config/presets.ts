import type { ConfigFile } from './schema.js';

/** Built-in configs that `extends` can name. */
export const PRESETS: Readonly<Record<string, ConfigFile>> = {
  'specwise:recommended': {},
  'specwise:strict': {
    requireRecommended: true,
  },
};
