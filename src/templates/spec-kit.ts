import { section, type Template } from '../core/template.js';

/** GitHub spec-kit spec.md: user scenarios, FR-### requirements, SC-### measurable outcomes. */
export const specKitTemplate: Template = {
  name: 'spec-kit',
  title: 'Feature specification (spec-kit spec.md)',
  description: 'User scenarios and testing, requirements with FR-### ids, success criteria with SC-### ids, assumptions.',
  sections: [
    section('user-scenarios', 'User Scenarios & Testing', 'test-plan', 'required',
      ['User Scenarios and Testing', 'User Scenarios', 'User Stories', 'User Scenarios & Acceptance Testing', 'Scenarios'],
      '### User Story 1 (Priority: P1)\n\nTBD: the journey in plain language.\n\n**Acceptance Scenarios**:\n\n1. **Given** TBD, **When** TBD, **Then** TBD.'),
    section('edge-cases', 'Edge Cases', 'test-plan', 'recommended', ['Edge Case', 'Corner Cases'],
      '- What happens when TBD?'),
    section('requirements', 'Requirements', 'requirements', 'required', ['Functional Requirements', 'Requirements and Entities'],
      '- **FR-001**: System MUST TBD.'),
    section('key-entities', 'Key Entities', 'other', 'optional', ['Entities', 'Data Model', 'Key Entity'],
      '- **Entity**: TBD'),
    section('success-criteria', 'Success Criteria', 'success-criteria', 'required', ['Measurable Outcomes', 'Success Metrics', 'Outcomes'],
      '- **SC-001**: TBD measurable outcome (time, percentage, count or rate).'),
    section('assumptions', 'Assumptions', 'other', 'recommended', ['Assumption', 'Assumptions and Dependencies', 'Dependencies and Assumptions'],
      '- TBD: what this spec assumes about users, data and systems.'),
  ],
};
