/**
 * What each rule asks of a spec, in the words a model needs to write one that passes. A test
 * keeps this in step with the rule pack: every built-in rule has an entry.
 */
export const RULE_GUIDANCE: Readonly<Record<string, string>> = {
  'missing-section': 'Every required section of the template is present, under the heading the template gives.',
  'empty-section': 'Every section has real content, not only a heading or placeholders.',
  'section-order': 'Sections come in the order the template lists them.',
  'invalid-front-matter': 'The front matter is valid YAML and names the template.',
  'unmeasurable-success-criterion':
    'Each success criterion is observable: a number with a unit, a yes/no result, or a Given/When/Then scenario. Never a judgement such as "users are happy" or "exports feel fast".',
  'risk-without-mitigation': 'Each risk has a likelihood, an impact, a mitigation and an owner.',
  'dependency-without-owner': 'Each dependency has an owner, a status and a needed-by date.',
  'requirement-without-acceptance': 'Every requirement id is verified by at least one criterion that cites it: "(verifies REQ-1)".',
  'duplicate-requirement-id': 'Each requirement and criterion id is defined once.',
  'undefined-requirement-reference': 'Only ids that the spec defines are cited.',
  'vague-term': 'Requirements and criteria avoid vague words (fast, easy, user-friendly, several, robust, timely): state the bound, the unit and how it is measured.',
  'escape-clause': 'No escape clauses such as "if possible", "as appropriate" or "where practical".',
  'open-ended-clause': 'No open lists: no "etc.", "and so on" or "including but not limited to".',
  'unresolved-placeholder': 'No TODO, TBD or template instructions. A fact the request does not give is asked for with "[NEEDS CLARIFICATION: what is needed]", never invented.',
  'unverified-criterion': 'No criterion is marked as not met, partial or unverified.',
};
