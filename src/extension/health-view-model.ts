/** The health page and status text, as pure functions (no VS Code import). */
import { specHealth, type SpecHealth } from '../core/health.js';
import type { DocumentAnalysis } from './service.js';

export function healthOf(analysis: DocumentAnalysis): SpecHealth {
  return specHealth(analysis.result.analysis, analysis.result.template, analysis.result.findings);
}

/** "Spec: 2 missing · 5 warnings", or "Spec: ok". */
export function healthSummary(health: SpecHealth): string {
  const parts: string[] = [];
  if (health.counts.missingRequired > 0) parts.push(`${health.counts.missingRequired} missing`);
  if (health.counts.errors > 0) parts.push(`${health.counts.errors} error${health.counts.errors === 1 ? '' : 's'}`);
  if (health.counts.warnings > 0) parts.push(`${health.counts.warnings} warning${health.counts.warnings === 1 ? '' : 's'}`);
  if (health.counts.toFillIn > 0) parts.push(`${health.counts.toFillIn} to fill in`);
  return parts.length > 0 ? parts.join(' · ') : 'ok';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STATUS_ICON = { present: '✔', empty: '◌', missing: '✖' } as const;

/** The health page: a static HTML table, no scripts. */
export function healthHtml(title: string, reports: { name: string; health: SpecHealth }[]): string {
  const body = reports
    .map(({ name, health }) => {
      const sections = health.sections
        .map((entry) => `<tr class="${entry.status}"><td>${STATUS_ICON[entry.status]}</td><td>${escapeHtml(entry.title)}</td><td>${entry.presence}</td><td>${entry.status}${entry.line ? ` (line ${entry.line})` : ''}</td></tr>`)
        .join('');
      const covered = health.requirements.filter((entry) => entry.coveredBy.length > 0).length;
      const requirements = health.requirements
        .map((entry) => `<tr class="${entry.coveredBy.length ? 'present' : 'missing'}"><td>${escapeHtml(entry.id)}</td><td>line ${entry.line}</td><td>${entry.coveredBy.length ? escapeHtml(entry.coveredBy.join(', ')) : 'not covered'}</td></tr>`)
        .join('');
      return `<h2>${escapeHtml(name)} <small>template ${escapeHtml(health.template)} · ${health.counts.errors} errors, ${health.counts.warnings} warnings, ${health.counts.infos} info</small></h2>
<table><thead><tr><th></th><th>Section</th><th>Presence</th><th>Status</th></tr></thead><tbody>${sections}</tbody></table>
<h3>Requirement coverage: ${covered} of ${health.requirements.length} covered by a criterion or test</h3>
${health.requirements.length ? `<table><thead><tr><th>Id</th><th>Defined</th><th>Covered by</th></tr></thead><tbody>${requirements}</tbody></table>` : '<p>No requirement ids.</p>'}`;
    })
    .join('<hr>');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground)}table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid var(--vscode-panel-border)}.missing td{color:var(--vscode-errorForeground)}.empty td{color:var(--vscode-editorWarning-foreground)}small{opacity:.7;font-weight:normal}</style>
<title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body || '<p>No spec files.</p>'}</body></html>`;
}

