import { section, type Template } from '../core/template.js';

/** Kiro-style requirements.md: user stories, each with numbered EARS acceptance criteria. */
export const earsTemplate: Template = {
  name: 'ears',
  title: 'EARS requirements (Kiro requirements.md)',
  description: 'An introduction, then requirements as user stories with EARS acceptance criteria (WHEN ... THEN the system SHALL ...).',
  sections: [
    section('introduction', 'Introduction', 'summary', 'required', ['Overview', 'Summary', 'Feature Overview'],
      'TBD: the feature and the problem it solves, in a paragraph.'),
    section('glossary', 'Glossary', 'other', 'optional', ['Terms', 'Definitions', 'Terminology'], '- **Term**: TBD'),
    section('requirements', 'Requirements', 'requirements', 'required', ['Functional Requirements', 'User Stories'],
      '### Requirement 1\n\n**User Story:** As a TBD, I want TBD, so that TBD.'),
    section('acceptance-criteria', 'Acceptance Criteria', 'success-criteria', 'required', ['Acceptance Criterion', 'Criteria'],
      '1. WHEN TBD THEN the system SHALL TBD.'),
  ],
};
