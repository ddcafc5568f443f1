import { section, type Template, type TemplateSection } from '../core/template.js';
import { translated } from '../core/translated-titles.js';

/**
 * The Rust RFC shape: motivation-first design proposals. The explanations are design prose,
 * not requirement lists, so language rules read only their "shall" sentences. Sections carry
 * the date the template gained them (drawbacks 2014, guide-level explanation 2017, prior art
 * and future possibilities 2018): RFCs started earlier were written without them.
 */
/** Words in other headings that show a section is there under another title. */
const KEYWORDS: Record<string, string[]> = {
  'guide-level-explanation': ['guide', 'tutorial', 'usage', 'user facing', 'public interface', 'examples', 'how to use', 'explanation', 'proposal', 'proposed', 'overview'],
  'reference-level-explanation': ['design', 'specification', 'semantics', 'implementation', 'technical details', 'reference'],
  drawbacks: ['drawback', 'drawbacks', 'downside', 'downsides', 'disadvantages', 'cons', 'costs', 'risks', 'tradeoffs', 'trade offs'],
  'rationale-and-alternatives': ['alternative', 'alternatives', 'rationale', 'why not', 'other options', 'design choices'],
  'prior-art': ['prior', 'precedent', 'precedents', 'related work', 'other languages', 'comparison', 'existing work', 'inspiration'],
  'unresolved-questions': ['questions', 'unresolved', 'open issues', 'outstanding'],
  'future-possibilities': ['future', 'extensions', 'next steps', 'later'],
};

/** One "Explanation", "Proposal" or "Detailed design" section often is both explanations. */
const COMBINES_WITH: Record<string, string> = {
  'guide-level-explanation': 'reference-level-explanation',
  'reference-level-explanation': 'guide-level-explanation',
};

export const rfcTemplate: Template = {
  name: 'rfc',
  title: 'RFC (design proposal)',
  description: 'The Rust RFC template: summary, motivation, guide- and reference-level explanations, drawbacks, alternatives, prior art, open questions.',
  coverage: 'none',
  sections: withKeywords([
    section('summary', 'Summary', 'summary', 'required', ['Abstract', 'Overview', 'TL;DR', ...translated('summary')],
      'TBD: one paragraph explanation of the feature.'),
    section('motivation', 'Motivation', 'problem', 'required',
      ['Motivations', 'Motivation and Goals', 'Background and Motivation', 'Motivation and Overview', 'Problems', 'Problem', 'Background', 'Rationale', 'Problem Statement', 'Why', ...translated('motivation')],
      'TBD: the problem users have, with specific use cases.'),
    section('guide-level-explanation', 'Guide-level explanation', 'other', 'required',
      ['Guide level explanation', 'Proposed solution', 'Guide-level design', 'Explanation', 'Guide', 'User-facing explanation', 'Proposal', 'Detailed proposal', 'Overview of the proposal', ...translated('guideLevel')],
      'TBD: explain the proposal as if it was already part of the language, with examples.', undefined, '2017-07-01'),
    section('reference-level-explanation', 'Reference-level explanation', 'other', 'required',
      ['Reference level explanation', 'Reference-level design', 'Detailed design', 'Detailed description', 'Design', 'Technical design', 'Specification', 'Implementation', 'Proposal', 'Detailed proposal', ...translated('referenceLevel')],
      'TBD: the technical details: interactions with other features, corner cases.'),
    section('drawbacks', 'Drawbacks', 'other', 'required', ['Drawback', 'Downsides', 'Risks', 'Costs and drawbacks', 'Drawbacks, alternatives', 'Rationale, drawbacks and alternatives', ...translated('drawbacks')],
      '- TBD: why should we not do this?', undefined, '2014-04-30'),
    section('rationale-and-alternatives', 'Rationale and alternatives', 'other', 'required',
      ['Alternatives', 'Rationale', 'Drawbacks, alternatives', 'Rationale, drawbacks and alternatives', 'Alternative designs', 'Alternative design', 'Alternatives considered', 'Alternatives and rationale', 'Design rationale', ...translated('rationaleAndAlternatives')],
      '- TBD: why this design is the best in the space of possible designs.'),
    section('prior-art', 'Prior art', 'other', 'recommended', ['Prior work', 'Related work', 'Precedent', 'Prior art and references', ...translated('priorArt')],
      '- TBD: how other languages and projects handle this.', undefined, '2018-03-01'),
    section('unresolved-questions', 'Unresolved questions', 'open-questions', 'required',
      ['Unresolved question', 'Open questions', 'Outstanding questions', 'Questions', 'Unanswered questions', 'Open issues', ...translated('openQuestions')],
      '- TBD: what parts of the design are still to be resolved?'),
    section('future-possibilities', 'Future possibilities', 'other', 'recommended',
      ['Future work', 'Future extensions', 'Future directions', 'Extensions', 'Possible future work', ...translated('futurePossibilities')],
      '- TBD: natural extensions of this proposal.', undefined, '2018-10-01'),
  ]),
};

function withKeywords(sections: TemplateSection[]): TemplateSection[] {
  return sections.map((entry) => ({
    ...entry,
    ...(KEYWORDS[entry.id] ? { keywords: KEYWORDS[entry.id] } : {}),
    ...(COMBINES_WITH[entry.id] ? { combinesWith: COMBINES_WITH[entry.id] } : {}),
  }));
}
