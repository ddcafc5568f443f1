import { section, type Template } from '../core/template.js';

/**
 * The Rust RFC shape: motivation-first design proposals. The explanations are design prose,
 * not requirement lists, so language rules read only their "shall"/"must" sentences.
 */
export const rfcTemplate: Template = {
  name: 'rfc',
  title: 'RFC (design proposal)',
  description: 'The Rust RFC template: summary, motivation, guide- and reference-level explanations, drawbacks, alternatives, prior art, open questions.',
  sections: [
    section('summary', 'Summary', 'summary', 'required', ['Abstract', 'Overview', 'TL;DR'],
      'TBD: one paragraph explanation of the feature.'),
    section('motivation', 'Motivation', 'problem', 'required',
      ['Motivations', 'Motivation and Goals', 'Background and Motivation', 'Motivation and Overview', 'Problems', 'Problem', 'Background', 'Rationale', 'Problem Statement', 'Why'],
      'TBD: the problem users have, with specific use cases.'),
    section('guide-level-explanation', 'Guide-level explanation', 'other', 'required',
      ['Guide level explanation', 'Proposed solution', 'Guide-level design', 'Explanation', 'Guide', 'User-facing explanation', 'Proposal', 'Detailed proposal', 'Overview of the proposal'],
      'TBD: explain the proposal as if it was already part of the language, with examples.'),
    section('reference-level-explanation', 'Reference-level explanation', 'other', 'required',
      ['Reference level explanation', 'Reference-level design', 'Detailed design', 'Detailed description', 'Design', 'Technical design', 'Specification', 'Implementation'],
      'TBD: the technical details: interactions with other features, corner cases.'),
    section('drawbacks', 'Drawbacks', 'other', 'required', ['Drawback', 'Downsides', 'Risks', 'Costs and drawbacks', 'Drawbacks, alternatives', 'Rationale, drawbacks and alternatives'],
      '- TBD: why should we not do this?'),
    section('rationale-and-alternatives', 'Rationale and alternatives', 'other', 'required',
      ['Alternatives', 'Rationale', 'Drawbacks, alternatives', 'Rationale, drawbacks and alternatives', 'Alternative designs', 'Alternative design', 'Alternatives considered', 'Alternatives and rationale', 'Design rationale'],
      '- TBD: why this design is the best in the space of possible designs.'),
    section('prior-art', 'Prior art', 'other', 'recommended', ['Prior work', 'Related work', 'Precedent', 'Prior art and references'],
      '- TBD: how other languages and projects handle this.'),
    section('unresolved-questions', 'Unresolved questions', 'open-questions', 'required',
      ['Unresolved question', 'Open questions', 'Outstanding questions', 'Questions', 'Unanswered questions', 'Open issues'],
      '- TBD: what parts of the design are still to be resolved?'),
    section('future-possibilities', 'Future possibilities', 'other', 'recommended',
      ['Future work', 'Future extensions', 'Future directions', 'Extensions', 'Possible future work'],
      '- TBD: natural extensions of this proposal.'),
  ],
};
