/**
 * What the traceability index knows about one file, as plain data: it crosses worker
 * threads and lives in the CLI's cache file. Offsets index the text that was read;
 * positions are 1-based lines and UTF-16 columns, as in findings.
 */
import type { LayoutName } from '../core/layout.js';
import type { LineColumn, OffsetRange } from '../core/positions.js';
import type { ReferenceContext, TraceStatus } from '../core/requirements.js';
import type { SuppressionComment } from '../core/suppressions.js';

/** What a file is to traceability. */
export type TraceRole = 'spec' | 'tasks' | 'design' | 'plan' | 'checklist' | 'supporting' | 'test' | 'source';

export interface Place {
  range: OffsetRange;
  start: LineColumn;
  end: LineColumn;
}

/** The start of a file, for a related location that is the whole file. */
export const FILE_START: Place = { range: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * - `requirement`: FR-001, REQ-12, NFR-3, Kiro's "Requirement 2", OpenSpec's "Requirement: Name";
 * - `story`: a spec-kit user story (US1);
 * - `criterion`: a success or acceptance criterion with an id of its own (SC-001, Kiro's 2.3).
 */
export type DefinitionKind = 'requirement' | 'story' | 'criterion';

export interface TraceDefinition extends Place {
  id: string;
  kind: DefinitionKind;
  /** The first line of the requirement, for people. */
  title: string;
  /** For a criterion of a requirement block: the requirement's id. */
  parent?: string;
  /** Criteria stated under the requirement (Kiro's criteria, OpenSpec's scenarios, a story's acceptance scenarios). */
  criteria?: TraceCriterion[];
  /** The id is written in the text at `range` (not derived from a heading, like Kiro's "Requirement 2"), so it can be renamed. */
  literal: boolean;
  /** Ids defined under the block's heading ("**ID**: US-ADMIN-01" under a story): a task that cites one builds this requirement. */
  aliases?: string[];
}

export interface TraceCriterion extends Place {
  /** Kiro's "2.3"; absent for scenarios, which have no id. */
  id?: string;
  label: string;
}

/**
 * Where a file cites an id:
 * - `id`: a requirement id in the text (FR-003, REQ-12);
 * - `kiro`: a Kiro list (`_Requirements: 1.2, 3.1_`, `Validates: Requirements 2.1`, `**验证**: Requirement 1`);
 * - `story`: a story tag (`[US1]`) or a phase for a story ("Phase 3: User Story 1");
 * - `pattern`: a test or source file's citation pattern.
 */
export type CitationForm = 'id' | 'kiro' | 'story' | 'pattern';

export interface TraceCitation extends Place {
  id: string;
  form: CitationForm;
  /** A feature named with the id ("003-export/FR-003"). */
  qualifier?: string;
  /** How the document uses it; `external` ids belong to another document and are not resolved. */
  context?: ReferenceContext;
  /** Part of a range ("FR-005 to FR-008"): `end` for the two written ids, `inside` for those between. */
  idRange?: 'end' | 'inside';
  /** The text puts it off for later ("US8 is excluded from this task list", "deferred to phase 2"). */
  deferred?: boolean;
  /** What a tracking row or checklist item says of the id (met, unmet, not applicable, ...). */
  status?: TraceStatus;
  /** A table row or line outside the tasks names the tasks (`| FR-004 | T012, T013 |`): the team's own mapping. */
  mapped?: boolean;
  /** Indexes into the file's tasks: the task it sits in, the tasks its row names, or every task of the phase it introduces. */
  tasks?: number[];
  /** The id is written at `range` as is (a rename can replace it there). */
  literal: boolean;
}

/**
 * The kind of phase a task sits in. Only `work` tasks need a requirement: setup, foundational
 * and process work (polish, verification, documentation, release) serves the whole feature,
 * a story phase links its tasks to the story, an edge-case phase to the spec's edge cases.
 */
export type PhaseKind = 'setup' | 'foundational' | 'story' | 'edge-cases' | 'process' | 'work';

export interface TraceTask extends Place {
  /** T001, 2.1, or undefined when the task is not numbered. */
  id?: string;
  title: string;
  done: boolean;
  /** Index of the enclosing task, for sub-tasks. */
  parent?: number;
  /** The heading the task sits under. */
  phase?: string;
  phaseKind: PhaseKind;
  /** Its title says it is process work ("Final integration and validation", "Update CHANGELOG.md"), in files without phases. */
  process?: boolean;
  /** The task says why it has no requirement: a checkpoint, or a requirements line with no id ("N/A", "All"). */
  exempt?: string;
  /** Work-item ids its line carries in brackets (`[GAP-001]`). */
  labels?: string[];
}

/** An OpenSpec delta's operation on a requirement of the capability's spec. */
export type DeltaOperation = 'added' | 'modified' | 'removed' | 'renamed';

export interface TraceDelta extends Place {
  operation: DeltaOperation;
  /** The requirement's name as the delta writes it (for a rename: the old name). */
  name: string;
  /** For a rename: the new name. */
  to?: string;
  /** The capability folder of `openspec/specs/` the delta applies to (absolute path). */
  capability: string;
}

export interface TraceFileFacts {
  /** Absolute, '/'-separated. */
  path: string;
  /** Content hash of the text the facts were read from. */
  hash: string;
  role: TraceRole;
  layout?: LayoutName;
  /** What scopes ids: the tool's feature folder, else the spec file itself; none for tests and sources. */
  feature?: string;
  definitions: TraceDefinition[];
  citations: TraceCitation[];
  tasks: TraceTask[];
  deltas: TraceDelta[];
  /** For specs: the team's own work items the spec lists (`| GAP-001 | … |`), which tasks may carry. */
  workItems?: string[];
  /** `specwise-disable` comments, so cross-file findings honour them too. */
  suppressions: SuppressionComment[];
}
