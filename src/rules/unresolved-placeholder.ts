import { z } from 'zod';
import type { Nodes } from 'mdast';
import { endOf, startOf } from '../core/markdown.js';
import { ANGLE_PLACEHOLDER, BRACKET_PLACEHOLDER, isAnglePlaceholder, PLACEHOLDER_PATTERNS } from '../core/placeholders.js';
import { sectionAt } from '../core/parse.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { isSuppressionComment } from '../core/suppressions.js';

const optionsSchema = z.strictObject({
  ignoreTerms: z.array(z.string().min(1)).default([]).describe('Placeholders to accept, e.g. ["TBC"] (literal, case-insensitive).'),
  comments: z.boolean().default(true).describe('Also flag template instruction comments ("<!-- Describe ... -->").'),
  toFillIn: z
    .enum(['error', 'warning', 'info'])
    .default('info')
    .describe("Severity of the placeholders left on purpose for the author to fill in (TBD, TBC, '(to be determined)', [NEEDS CLARIFICATION: ...]); never above the rule's own."),
});

/** A character or word each placeholder pattern starts with. */
const MAY_HOLD_PLACEHOLDER = /[[<(?]|TODO|TBD|TBC|FIXME/;

/** Placeholders left on purpose, by a template or a clarification fix: a draft holds them until review. */
const TO_FILL_IN = /^(?:TBD|TBC)\b|^\(|^\[NEEDS CLARIFICATION/i;

/** Comments that tell the author what to write: they belong to the template, not the spec. */
const INSTRUCTION = /^(?:describe|list|explain|add|fill|write|replace|provide|summari[sz]e|include|delete|remove|outline|state|identify|enter|insert|document|define|specify|note|use this|e\.g\.|example|todo|tbd|optional|required|mandatory|action required|instructions?)\b/i;

/**
 * A marker that is talked about rather than left in: quoted ("TBD" behavior), defined
 * ("To Be Determined" (TBD)), named as a kind of thing ("no TODO comments remain", "grep
 * for TODO/FIXME", "[NEEDS CLARIFICATION] markers"), or "???" used as emphasis after a word.
 */
function isMention(source: string, index: number, text: string): boolean {
  const before = source.slice(Math.max(0, index - 40), index);
  const after = source.slice(index + text.length, index + text.length + 40);
  if (/["“'‘`]$/.test(before) || /^["”'’`]/.test(after)) return true;
  if (/to be (?:determined|decided|confirmed)["”]?\s*\($/i.test(before)) return true;
  // "???" is a placeholder where it stands for a value: alone, in a cell, or after a label.
  if (text.startsWith('???')) return !/(?:^|[:|])$/.test(before.trimEnd());
  // "TODO/FIXME", "placeholder/stub/TODO": a list of marker names.
  if (/^\s*\/\s*\w/.test(after) || /\w\s*\/\s*$/.test(before)) return true;
  // "from TODO.md", "TODO_LIST.txt": a file name.
  if (/^[._-]?\w*\.(?:md|txt|org|rst|json|ya?ml)\b/i.test(after)) return true;
  if (/^\]?\s*(?:comments?|markers?|placeholders?|values?|items?|notes?|tags?|entries|lines?|counts?|annotations?|sections?|stubs?|in (?:new |the )?code)\b/i.test(after)) return true;
  if (/^\s+(?:or|and)\s+(?:TODO|FIXME|TBD|TBC|XXX)\b/.test(after)) return true;
  // "Use [NEEDS CLARIFICATION: specific question] for any assumption": an instruction on how to mark things.
  if (/\b(?:use|using)\s*$/i.test(before) && /^\s+(?:for|to|when|wherever|whenever)\b/i.test(after)) return true;
  if (/placeholder(?:\s+text)?\s*\(?\s*$|\b(?:pattern|format|named|naming|like|e\.g\.|detects?|catches|reports?|checks? for|marked(?: with| as)?|mark (?:it|them|each|all)(?: with| as)?|references?|has|have)\s*[:(]?\s*$/i.test(before)) return true;
  return /\b(?:no|any|zero|without|remaining|leftover|left-over|unresolved|for|like|such as|find|finds|scan|scans|grep|search|searches|flag|flags|contains?|looks? for|see|is a|a|an|the|one|two|three|each|every|single)\s*[:(]?\s*$/i.test(before);
}

/** The bracket pattern without its global flag, for a single test. */
const ONE_BRACKET_PLACEHOLDER = new RegExp(BRACKET_PLACEHOLDER.source);

/**
 * A bracketed word among other bracketed labels that are no placeholders ("filter chips:
 * [FILING] [COURT] [SPREAD_MOVE]"): the brackets are the document's notation for buttons or tags.
 */
function isAmongLabels(source: string, index: number, text: string): boolean {
  const neighbours = [/\[[^\]\n]{1,40}\]\s*[,/|]?\s*$/.exec(source.slice(Math.max(0, index - 45), index))?.[0], /^\s*[,/|]?\s*\[[^\]\n]{1,40}\]/.exec(source.slice(index + text.length, index + text.length + 45))?.[0]];
  return neighbours.some((neighbour) => neighbour !== undefined && !ONE_BRACKET_PLACEHOLDER.test(neighbour));
}

/**
 * An angle placeholder that names an argument in a command or path ("openspec show <name>",
 * "specs/<capability>/spec.md"), not a slot to fill: a single token next to a path separator,
 * a flag, or after a command word.
 */
function isMetavariable(source: string, index: number, text: string): boolean {
  const before = source.slice(Math.max(0, index - 30), index).split('\n').pop()!;
  const after = source.slice(index + text.length, index + text.length + 20).split('\n')[0];
  if (/\/$/.test(before) || /^\//.test(after) || /--\w/.test(before + after)) return true;
  // "<workflow-names>": a kebab-case argument name, as usage lines and message formats write them.
  if (/^<[a-z]+(?:-[a-z]+)+>$/.test(text.trim())) return true;
  return !/\s/.test(text) && /\b[a-z][\w-]*\s+$/.test(before) && !/[:：]\s*$/.test(before);
}

function hasTemplateText(text: string): boolean {
  return [BRACKET_PLACEHOLDER, ...PLACEHOLDER_PATTERNS].some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text));
}

export const unresolvedPlaceholder = defineRule({
  id: 'unresolved-placeholder',
  description: 'A placeholder left in the spec: TODO, TBD, TBC, FIXME, ???, [NEEDS CLARIFICATION: ...], <placeholder> or a template instruction comment.',
  docs: ruleDocsUrl('unresolved-placeholder'),
  defaultSeverity: 'warning',
  options: optionsSchema,
  check(context) {
    const { doc } = context;
    const ignored = new Set(context.options.ignoreTerms.map((term) => term.toLowerCase()));
    const report = (start: number, text: string, kind: string) => {
      if (ignored.has(text.replace(/:$/, '').toLowerCase())) return;
      const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
      if (TO_FILL_IN.test(text)) {
        context.report({
          message: `To fill in: '${shown}' ${kind}`,
          range: { start, end: start + text.length },
          severity: context.options.toFillIn,
          data: { placeholder: text, toFillIn: true },
        });
        return;
      }
      context.report({
        message: `Unresolved placeholder '${shown}': ${kind}`,
        range: { start, end: start + text.length },
        data: { placeholder: text },
      });
    };
    const visit = (node: Nodes): void => {
      if (node.type === 'text') {
        const source = doc.text.slice(startOf(node), endOf(node));
        // Most text holds no placeholder: one scan for the characters every pattern needs.
        if (!MAY_HOLD_PLACEHOLDER.test(source)) return;
        for (const pattern of PLACEHOLDER_PATTERNS) {
          for (const match of source.matchAll(pattern)) {
            if (isMention(source, match.index, match[0])) continue;
            const question = match[0].startsWith('[');
            const marker = match[0].replace(/:$/, '');
            const kind = question ? 'answer the question and replace the marker.' : TO_FILL_IN.test(marker) ? 'marks content still to write before review.' : 'replace it with the real content before review.';
            report(startOf(node) + match.index, marker, kind);
          }
        }
        for (const match of source.matchAll(ANGLE_PLACEHOLDER)) {
          if (isAnglePlaceholder(match[1]) && !/[\p{L}\p{N}_]$/u.test(source.slice(0, match.index)) && !isMetavariable(source, match.index, match[0])) {
            report(startOf(node) + match.index, match[0], 'fill in the value.');
          }
        }
        for (const match of source.matchAll(BRACKET_PLACEHOLDER)) {
          if (!/^\[NEEDS CLARIFICATION/i.test(match[0]) && !isMention(source, match.index, match[0]) && !isAmongLabels(source, match.index, match[0])) {
            report(startOf(node) + match.index, match[0], 'template text left in: write the content it stands for.');
          }
        }
        return;
      }
      if (node.type === 'html') {
        const raw = doc.text.slice(startOf(node), endOf(node));
        const tag = /^<([a-z][a-z0-9 _/-]{1,60})>$/i.exec(raw.trim());
        const quoted = /["'“‘`]$/.test(doc.text.slice(Math.max(0, startOf(node) - 1), startOf(node)));
        if (tag && isAnglePlaceholder(tag[1]) && !quoted && !isMetavariable(doc.text, startOf(node), raw)) report(startOf(node), raw.trim(), 'fill in the value.');
        return;
      }
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || node.type === 'definition') return;
      // Quoted passages are someone else's words, placeholders and all.
      if (node.type === 'blockquote') return;
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(doc.tree);
    if (!context.options.comments) return;
    for (const comment of doc.comments) {
      if (isSuppressionComment(comment.body) || !INSTRUCTION.test(comment.body)) continue;
      // An instruction over a section already written (in its own body or its sub-sections) is spent, not pending;
      // template text anywhere in the section keeps it pending. A clarification question is reported on its own.
      const section = sectionAt(doc.sections, comment.range.start);
      if (section?.hasContent && !hasTemplateText(doc.text.slice(section.headingRange.end, section.range.end).replace(/<!--[\s\S]*?-->|\[NEEDS CLARIFICATION[^\]\n]*\]/gi, ''))) continue;
      const text = doc.text.slice(comment.range.start, comment.range.end);
      context.report({
        message: `Template instruction left in: '${text.length > 60 ? `${text.slice(0, 57)}...` : text}'. Write the content it asks for, then delete the comment.`,
        range: comment.range,
        data: { placeholder: 'comment' },
      });
    }
  },
});
