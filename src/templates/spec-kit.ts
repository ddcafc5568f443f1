import { section, type Template } from '../core/template.js';
import { translated } from '../core/translated-titles.js';

/**
 * GitHub spec-kit `spec.md`: prioritized user stories with Given/When/Then acceptance
 * scenarios, FR-### functional requirements, SC-### measurable outcomes.
 */
export const specKitTemplate: Template = {
  name: 'spec-kit',
  title: 'Feature specification (spec-kit spec.md)',
  description: 'User scenarios and testing (user stories with acceptance scenarios, edge cases), requirements with FR-### ids, success criteria with SC-### ids.',
  coverage: 'story-scenarios',
  sections: [
    section('user-scenarios', 'User Scenarios & Testing', 'user-stories', 'required',
      ['User Scenarios and Testing', 'User Scenarios', 'User Stories', 'User Scenarios & Acceptance Testing', 'Scenarios', ...translated('userScenarios', 'userStories')],
      '### User Story 1 - TBD (Priority: P1)\n\nTBD: the journey in plain language.\n\n**Why this priority**: TBD\n\n**Independent Test**: TBD\n\n**Acceptance Scenarios**:\n\n1. **Given** TBD, **When** TBD, **Then** TBD.'),
    // Teams often state edge cases in the requirements instead; the template asks for none.
    section('edge-cases', 'Edge Cases', 'other', 'optional', ['Edge Case', 'Corner Cases', ...translated('edgeCases')],
      '- What happens when TBD?', 'user-scenarios'),
    section('requirements', 'Requirements', 'requirements', 'required', ['Functional Requirements', 'Requirements and Entities', ...translated('requirements', 'functionalRequirements')],
      '### Functional Requirements\n\n- **FR-001**: System MUST TBD.'),
    section('key-entities', 'Key Entities', 'other', 'optional', ['Entities', 'Data Model', 'Key Entity', ...translated('keyEntities')],
      '- **Entity**: TBD', 'requirements'),
    {
      ...section('success-criteria', 'Success Criteria', 'success-criteria', 'required', ['Measurable Outcomes', 'Success Metrics', 'Outcomes', ...translated('successCriteria', 'measurableOutcomes')],
        '### Measurable Outcomes\n\n- **SC-001**: TBD measurable outcome (time, percentage, count or rate).'),
      // spec-kit's early spec template (with its execution flow and review checklist) had no Success Criteria.
      notWith: ['Execution Flow (main)', 'Review & Acceptance Checklist', 'Execution Status'],
    },
    section('assumptions', 'Assumptions', 'other', 'optional', ['Assumption', 'Assumptions and Dependencies', 'Dependencies and Assumptions', ...translated('assumptions')],
      '- TBD: what this spec assumes about users, data and systems.'),
  ],
};
