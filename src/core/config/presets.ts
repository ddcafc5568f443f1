import type { ConfigFile } from './schema.js';

/** Built-in configs that `extends` can name. */
export const PRESETS: Readonly<Record<string, ConfigFile>> = {
  'specwise:recommended': {},
  'specwise:strict': {
    requireRecommended: true,
    rules: {
      'vague-term': 'warning',
      'escape-clause': 'warning',
      'open-ended-clause': 'warning',
      'unresolved-placeholder': ['warning', { toFillIn: 'warning' }],
    },
  } as ConfigFile,
};
