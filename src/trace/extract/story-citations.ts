/**
 * Where a tasks file names a spec-kit user story: a tag (`[US1]`, `[US1+US2]`, also in code
 * spans), a bare mention ("US4 coverage"), or the story's name ("Also covers: User Story 4");
 * not stories given as examples ("(e.g., US1, US2, US3)").
 */
import type { OffsetRange } from '../../core/positions.js';
import { unitRange, type TextUnit } from '../../core/units.js';

const TAG = /\[(US\s?\d+(?:[^\]\n]{0,60}))\]/g;
const NUMBER_IN_TAG = /\bUS\s?(\d+)\b/g;
const MENTION = /\b(?:user\s+stor(?:y|ies)|用户故事)\s*#?\s*(\d+(?:\s*(?:[+&,/]|and)\s*(?:US\s?)?\d+)*)|\bUS\s?(\d+)\b/gi;

/** "(e.g., US1, US2, US3)": stories named as examples, as in spec-kit's task format legend. */
function inExample(text: string, index: number): boolean {
  const open = text.lastIndexOf('(', index);
  return open >= 0 && !text.slice(open, index).includes(')') && /^\(\s*(?:e\.g\.|for example|such as)/i.test(text.slice(open));
}

export interface StoryMention {
  number: string;
  range: OffsetRange;
}

/** Every story a unit names, once per place; headings are phases, read separately. */
export function storyMentions(unit: TextUnit, source: string): StoryMention[] {
  if (unit.type === 'heading') return [];
  const mentions: StoryMention[] = [];
  const seen = new Set<string>();
  const add = (number: string, range: OffsetRange) => {
    const key = `${range.start}:${Number(number)}`;
    if (seen.has(key)) return;
    seen.add(key);
    mentions.push({ number, range });
  };
  // Tags are read as written: teams put them in code spans too.
  const text = source.slice(unit.range.start, unit.range.end);
  for (const tag of text.matchAll(TAG)) {
    for (const story of tag[1].matchAll(NUMBER_IN_TAG)) {
      const start = unit.range.start + tag.index + 1 + story.index;
      add(story[1], { start, end: start + story[0].length });
    }
  }
  for (const mention of unit.text.matchAll(MENTION)) {
    if (inExample(unit.text, mention.index)) continue;
    const range = unitRange(unit, mention.index, mention.index + mention[0].length);
    const numbers = mention[2] ? [mention[2]] : [...mention[1].matchAll(/\d+/g)].map((number) => number[0]);
    for (const number of numbers) add(number, range);
  }
  return mentions.sort((a, b) => a.range.start - b.range.start);
}
