import type { ModelTranslation } from './translate.js';
import { plural } from '../core/plural.js';

/** One sentence on how the translation went: the model, the repair rounds, what the rules still find. */
export function translationSummary(translation: ModelTranslation): string {
  const rounds = plural(translation.repairRounds, 'repair round');
  if (translation.remaining.length === 0) return `drafted by ${translation.model}, checked by the rules: ${rounds}, no findings left.`;
  const rules = [...new Set(translation.remaining.map((finding) => finding.ruleId))].join(', ');
  return `drafted by ${translation.model}, checked by the rules: ${rounds}, ${plural(translation.remaining.length, 'finding')} left (${rules}).`;
}
