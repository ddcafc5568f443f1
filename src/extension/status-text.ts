/** The status item's words, as a pure function (no VS Code import) so they can be unit-tested. */

export interface StatusInput {
  kind: 'spec' | 'not-spec' | 'skipped';
  /** The spec's health summary ("2 missing · 5 warnings"). */
  summary?: string;
  configErrors: number;
  /** Findings in the Problems list, and all findings. */
  shown: number;
  total: number;
  /** Cross-file findings in this file (a requirement no task covers, a task citing an unknown id). */
  traceGaps?: number;
}

function gaps(count: number): string {
  return `${count.toLocaleString('en-US')} trace ${count === 1 ? 'gap' : 'gaps'}`;
}

export interface StatusText {
  text: string;
  /** Lines for the tooltip, after the reason. */
  details: string[];
  /** Something needs the user's attention: a broken configuration. */
  warn: boolean;
}

export function statusText(input: StatusInput): StatusText {
  const details: string[] = [];
  const parts: string[] = [];
  if (input.kind === 'spec') {
    const traced = input.traceGaps ? gaps(input.traceGaps) : undefined;
    const own = input.summary === 'ok' ? undefined : input.summary;
    parts.push(`$(checklist) Spec: ${[own, traced].filter(Boolean).join(' · ') || 'ok'}`);
    if (input.shown < input.total) {
      parts.push(`${input.shown.toLocaleString('en-US')} of ${input.total.toLocaleString('en-US')} shown`);
      details.push(`The Problems list holds ${input.shown.toLocaleString('en-US')} of ${input.total.toLocaleString('en-US')} findings (the editor's limit per file): errors and warnings first. \`specwise check\` lists them all.`);
    }
  } else if (input.kind === 'not-spec') {
    parts.push('$(circle-slash) Not a spec');
    if (input.traceGaps) parts.push(gaps(input.traceGaps));
    details.push('Specwise checks specs only. Check this file once, or make it a spec with front matter or the configuration.');
  } else {
    parts.push('$(circle-slash) Spec: skipped');
  }
  if (input.configErrors > 0) parts.push(`config ${input.configErrors === 1 ? 'error' : 'errors'}`);
  return { text: parts.join(' · ').replace(/^(\$\([\w-]+\) )/, input.configErrors > 0 ? '$(warning) ' : '$1'), details, warn: input.configErrors > 0 };
}
