import type { TraceMatrix } from '../matrix.js';
import type { PathFormatter } from './common.js';
import { traceCsv } from './csv.js';
import { traceHtml } from './html.js';
import { traceJson } from './json.js';
import { traceMarkdown } from './markdown.js';
import { traceText } from './text.js';

export type { PathFormatter } from './common.js';

export const TRACE_REPORTS: Record<'text' | 'md' | 'csv' | 'json' | 'html', (matrix: TraceMatrix, path: PathFormatter) => string> = {
  text: traceText,
  md: traceMarkdown,
  csv: traceCsv,
  json: traceJson,
  html: traceHtml,
};
