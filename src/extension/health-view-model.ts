/** The health page and status text, as pure functions (no VS Code import). */
import { specHealth, type SectionHealth, type SpecHealth } from '../core/health.js';
import type { DocumentAnalysis } from './service.js';
import { plural } from '../core/plural.js';

export function healthOf(analysis: DocumentAnalysis): SpecHealth {
  return specHealth(analysis.result.analysis, analysis.result.template, analysis.result.findings);
}

/** "Spec: 2 missing · 5 warnings · 3 to fill in", or "Spec: ok". */
export function healthSummary(health: SpecHealth): string {
  const parts: string[] = [];
  if (health.counts.missingRequired > 0) parts.push(`${health.counts.missingRequired} missing`);
  if (health.counts.errors > 0) parts.push(plural(health.counts.errors, 'error'));
  if (health.counts.warnings > 0) parts.push(plural(health.counts.warnings, 'warning'));
  if (health.counts.toFillIn > 0) parts.push(`${health.counts.toFillIn} to fill in`);
  return parts.length > 0 ? parts.join(' · ') : 'ok';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface HealthReport {
  name: string;
  health: SpecHealth;
  /** The spec's URI, for links that open it at a line. */
  uri: string;
}

/** A link that opens the spec at a line (a command URI: the page runs no script). */
function lineLink(report: HealthReport, line: number, label = `line ${line}`): string {
  const args = encodeURIComponent(JSON.stringify([report.uri, line]));
  return `<a href="command:specwise.revealLine?${args}" title="Open ${escapeHtml(report.name)} at line ${line}">${escapeHtml(label)}</a>`;
}

/** How a section reads: only a required or recommended section that is missing or empty is a problem. */
function sectionState(entry: SectionHealth): { icon: string; css: string; text: string } {
  if (entry.status === 'present') return { icon: '✔', css: 'ok', text: 'present' };
  if (entry.presence === 'optional') return { icon: '·', css: 'optional', text: entry.status === 'missing' ? 'not used (optional)' : 'empty (optional)' };
  const css = entry.presence === 'required' ? 'problem' : 'advice';
  return { icon: entry.status === 'missing' ? '✖' : '◌', css, text: entry.status };
}

function sectionsTable(report: HealthReport): string {
  const rows = report.health.sections
    .map((entry) => {
      const state = sectionState(entry);
      const where = entry.line ? ` (${lineLink(report, entry.line)})` : '';
      return `<tr class="${state.css}"><td>${state.icon}</td><td>${escapeHtml(entry.title)}</td><td>${entry.presence}</td><td>${state.text}${where}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th></th><th>Section</th><th>Presence</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function rulesTable(report: HealthReport): string {
  if (report.health.rules.length === 0) return '<p>No findings.</p>';
  const rows = report.health.rules
    .map((rule) => `<tr><td><code>${escapeHtml(rule.ruleId)}</code></td><td>${rule.errors || ''}</td><td>${rule.warnings || ''}</td><td>${rule.infos || ''}</td><td>${lineLink(report, rule.firstLine)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Rule</th><th>Errors</th><th>Warnings</th><th>Info</th><th>First</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function coverageTable(report: HealthReport): string {
  const { requirements } = report.health;
  if (requirements.length === 0) return '<p>No requirement ids.</p>';
  const rows = requirements
    .map((entry) => `<tr class="${entry.coveredBy.length ? 'ok' : 'problem'}"><td>${lineLink(report, entry.line, entry.id)}</td><td>${entry.coveredBy.length ? escapeHtml(entry.coveredBy.join(', ')) : 'not covered'}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Requirement</th><th>Covered by</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The health page: static HTML tables; links are command URIs, no scripts. */
export function healthHtml(title: string, reports: readonly HealthReport[]): string {
  const body = reports
    .map((report) => {
      const { health } = report;
      const { counts } = health;
      const covered = health.requirements.filter((entry) => entry.coveredBy.length > 0).length;
      const fillIn = counts.toFillIn > 0 ? `, ${counts.toFillIn} to fill in` : '';
      return `<h2>${escapeHtml(report.name)} <small>template ${escapeHtml(health.template)} · ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} info${fillIn}</small></h2>
<h3>Sections</h3>${sectionsTable(report)}
<h3>Findings by rule</h3>${rulesTable(report)}
<h3>Requirement coverage: ${covered} of ${health.requirements.length} covered by a criterion or test</h3>${coverageTable(report)}`;
    })
    .join('<hr>');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground)}table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid var(--vscode-panel-border)}.problem td{color:var(--vscode-errorForeground)}.advice td{color:var(--vscode-editorWarning-foreground)}.optional td{opacity:.6}a{color:var(--vscode-textLink-foreground)}small{opacity:.7;font-weight:normal}</style>
<title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body || '<p>No spec files.</p>'}</body></html>`;
}
