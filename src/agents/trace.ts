import { z } from 'zod';
import type { TraceMatrix } from '../trace/matrix.js';
import { traceData } from '../trace/report/json.js';
import { traceText } from '../trace/report/text.js';
import { defineTool, ToolInputError, type ToolHost } from './tool.js';

/** Past this many lines the summary stops; `data` keeps every row. */
const SUMMARY_LINES = 200;

export const traceInput = {
  paths: z.array(z.string().min(1)).max(100).optional().describe('Folders, files or globs to trace, relative to the workspace; default: the whole workspace.'),
  gapsOnly: z.boolean().optional().describe('Only requirements with a gap (no task, no test) and the cross-file findings.'),
};

function relativeTo(root: string): (path: string) => string {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return (path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
}

function onlyGaps(matrix: TraceMatrix): TraceMatrix {
  return {
    findings: matrix.findings,
    features: matrix.features
      .map((feature) => ({ ...feature, requirements: feature.requirements.filter((row) => row.gaps.length > 0) }))
      .filter((feature) => feature.requirements.length > 0 || feature.findings.length > 0),
  };
}

export const traceTool = defineTool({
  name: 'trace',
  title: 'Trace requirements',
  description:
    "Traces each requirement of the workspace's specs (spec-kit, Kiro, OpenSpec or the project's own layout) to its acceptance criteria, the tasks and tests that cite its id, and design documents. Returns the matrix with gaps (a requirement no task or test covers, a task citing no requirement, a citation of an unknown id) and their file and line. Call it after writing tasks or tests for a spec, and close the gaps it reports.",
  input: traceInput,
  async run(input, host: ToolHost) {
    if (!host.trace) throw new ToolInputError('Tracing reads the workspace folder tree, which this host does not offer; check single specs instead.');
    const { matrix: full, configErrors } = await host.trace(input.paths ?? []);
    const matrix = input.gapsOnly ? onlyGaps(full) : full;
    const path = relativeTo(host.root);
    const lines = traceText(matrix, path).trimEnd().split('\n');
    const shown = lines.length > SUMMARY_LINES ? [...lines.slice(0, SUMMARY_LINES - 1), `… ${lines.length - SUMMARY_LINES + 1} more lines; the structured result holds every row.`] : lines;
    if (full.features.length === 0) shown.unshift('No spec found under the paths: nothing to trace.');
    const errors = configErrors.map((error) => `${path(error.file)}:${error.line}:${error.column} ${error.message}`);
    if (errors.length > 0) shown.push('Configuration errors (the defaults were used):', ...errors.map((error) => `- ${error}`));
    return { summary: shown.join('\n'), data: { ...traceData(matrix, path), configErrors: errors } };
  },
});
