// No NLP library: the baseline the library comparison subtracts from each web bundle.
import type { Language } from '../src/translate/language.js';

export function loadCompromise(): Promise<Language> {
  return Promise.reject(new Error('no language library in this build'));
}
