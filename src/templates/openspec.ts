import { section, type Template } from '../core/template.js';
import { translated } from '../core/translated-titles.js';

/** OpenSpec `changes/<id>/proposal.md`: why the change, what changes, which capabilities, the impact. */
export const openspecProposalTemplate: Template = {
  name: 'openspec-proposal',
  title: 'OpenSpec change proposal (proposal.md)',
  description: 'Why, What Changes, Capabilities (new and modified), Impact.',
  coverage: 'none',
  sections: [
    section('why', 'Why', 'problem', 'required', ['Problem', 'Motivation', 'Background', 'Context', 'Problem Statement', 'Goal', 'Goals', 'Goal Description', 'Intent', ...translated('why', 'problem', 'motivation', 'background', 'goals'), 'Цель', 'Мета'],
      'TBD: the problem this change solves, and why now.'),
    section('review-focus', 'Review Focus', 'other', 'optional', [], '- TBD: a decision a reviewer should confirm.'),
    section('what-changes', 'What Changes', 'scope', 'required', ['What', 'Changes', 'Proposed Changes', 'Solution', 'Proposal', 'Proposed Solution', 'Approach', 'Proposed Approach', 'Scope', ...translated('whatChanges', 'scope'), 'Подход', 'Підхід', 'Решение', 'Рішення'],
      '- TBD: each new capability, modification or removal.'),
    section('capabilities', 'Capabilities', 'other', 'optional', [...translated('capabilities')],
      '### New Capabilities\n\n- `TBD`: what the new capability covers\n\n### Modified Capabilities\n\n- `TBD`: which requirement changes'),
    {
      ...section('impact', 'Impact', 'other', 'recommended',
        ['Impacts', 'Impact Assessment', 'Impact Analysis', 'Affected Areas', 'Affected Specs', 'Specifications Affected', 'Affected Code', 'Affected Files', 'Files to Update', 'Breaking Changes', 'Migration', 'Expected Impact', ...translated('impact')],
        '- Affected code, APIs, dependencies and systems: TBD'),
      keywords: ['affected', 'implementation', 'files', 'migration', 'breaking', 'compatibility', 'deltas'],
    },
  ],
};

/** OpenSpec `specs/<capability>/spec.md`: a purpose, then `Requirement:` blocks, each with `Scenario:` blocks. */
export const openspecSpecTemplate: Template = {
  name: 'openspec-spec',
  title: 'OpenSpec capability spec (spec.md)',
  description: 'Purpose, then requirements (SHALL/MUST), each with at least one WHEN/THEN scenario.',
  coverage: 'own-scenarios',
  sections: [
    section('purpose', 'Purpose', 'summary', 'required', ['Overview', 'Summary', ...translated('purpose', 'overview')],
      'TBD: what this capability is for.'),
    // A capability spec written with a delta's heading still states its requirements.
    section('requirements', 'Requirements', 'requirements', 'required', ['ADDED Requirements', ...translated('requirements')],
      '### Requirement: TBD\n\nThe system SHALL TBD.\n\n#### Scenario: TBD\n\n- **WHEN** TBD\n- **THEN** TBD'),
  ],
};

/** A spec delta under `changes/<id>/specs/`: requirements added, modified, removed or renamed. */
export const openspecDeltaTemplate: Template = {
  name: 'openspec-delta',
  title: 'OpenSpec spec delta (changes/<id>/specs/<capability>/spec.md)',
  description: 'ADDED, MODIFIED, REMOVED or RENAMED requirements; added and modified ones each with at least one scenario.',
  coverage: 'own-scenarios',
  sections: [
    section('added', 'ADDED Requirements', 'requirements', 'optional', [], '### Requirement: TBD\n\nThe system SHALL TBD.\n\n#### Scenario: TBD\n\n- **WHEN** TBD\n- **THEN** TBD'),
    section('modified', 'MODIFIED Requirements', 'requirements', 'optional', [],
      '### Requirement: TBD\n\nThe complete modified requirement: the system SHALL TBD.\n\n#### Scenario: TBD\n\n- **WHEN** TBD\n- **THEN** TBD'),
    // Removed and renamed requirements need a reason and a migration, not scenarios.
    section('removed', 'REMOVED Requirements', 'other', 'optional', [], '### Requirement: TBD\n\n**Reason**: TBD\n\n**Migration**: TBD'),
    section('renamed', 'RENAMED Requirements', 'other', 'optional', [], '- FROM: `### Requirement: TBD`\n- TO: `### Requirement: TBD`'),
  ],
};
