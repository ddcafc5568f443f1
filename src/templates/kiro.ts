import { section, type Template } from '../core/template.js';
import { translated } from '../core/translated-titles.js';

/**
 * Kiro `requirements.md`: an introduction, then numbered "Requirement N" blocks, each a user
 * story with its own numbered EARS acceptance criteria (WHEN ... THEN the system SHALL ...).
 */
export const kiroTemplate: Template = {
  name: 'kiro',
  title: 'Kiro requirements (requirements.md)',
  description: 'An introduction, then "Requirement N" blocks: a user story and its own numbered EARS acceptance criteria.',
  coverage: 'own-criteria',
  sections: [
    {
      ...section('introduction', 'Introduction', 'summary', 'required',
        ['Overview', 'Summary', 'Feature Overview', 'Goal', 'Goals', 'Background', 'Context', 'Problem Statement', ...translated('introduction', 'overview', 'summary', 'background', 'goals', 'problem')],
        'TBD: the feature and the problem it solves, in a paragraph.'),
      keywords: ['capability', 'purpose', 'scope', 'motivation', 'goal'],
    },
    section('glossary', 'Glossary', 'other', 'optional', ['Terms', 'Definitions', 'Terminology', ...translated('glossary')], '- **Term**: TBD'),
    {
      ...section('requirements', 'Requirements', 'requirements', 'required',
        ['Functional Requirements', 'User Stories', ...translated('requirements', 'functionalRequirements', 'userStories')],
        '### Requirement 1\n\n**User Story:** As a TBD, I want TBD, so that TBD.\n\n#### Acceptance Criteria\n\n1. WHEN TBD THEN the system SHALL TBD.'),
      keywords: ['requirement', 'requirements', 'acceptance criteria', '需求', '验收标准'],
    },
    // Each requirement block has its own criteria; requirement-without-acceptance reports a block without them.
    section('acceptance-criteria', 'Acceptance Criteria', 'success-criteria', 'optional', ['Acceptance Criterion', 'Criteria', ...translated('acceptanceCriteria')],
      '1. WHEN TBD THEN the system SHALL TBD.', 'requirements'),
  ],
};
