import type { ModelTranslation } from './translate.js';

/** One sentence on how the translation went: the model, the repair rounds, what the rules still find. */
export function translationSummary(translation: ModelTranslation): string {
  const rounds = `${translation.repairRounds} repair round${translation.repairRounds === 1 ? '' : 's'}`;
  if (translation.remaining.length === 0) return `drafted by ${translation.model}, checked by the rules: ${rounds}, no findings left.`;
  const rules = [...new Set(translation.remaining.map((finding) => finding.ruleId))].join(', ');
  return `drafted by ${translation.model}, checked by the rules: ${rounds}, ${translation.remaining.length} finding${translation.remaining.length === 1 ? '' : 's'} left (${rules}).`;
}
