/**
 * What a Markdown file is to traceability, from the settings the engine resolved for it:
 * its role in a spec-driven tool's feature folder, or a spec of its own folder.
 */
import type { FileSettings } from '../core/config/resolve.js';
import type { LayoutName } from '../core/layout.js';
import { dirname } from '../core/paths.js';
import type { TraceRole } from './model.js';

export interface MarkdownTraceRole {
  role: Exclude<TraceRole, 'test' | 'source'>;
  layout?: LayoutName;
  feature: string;
}

/**
 * A feature's spec, plan, tasks, design, checklist or notes; a spec outside the tools'
 * layouts is a feature by itself. Other Markdown files take no part (undefined).
 */
export function markdownTraceRole(path: string, settings: Pick<FileSettings, 'isSpec' | 'layout'>): MarkdownTraceRole | undefined {
  const { layout } = settings;
  if (layout) {
    // A loose note in a specs folder (the layout's feature is then the specs folder itself) belongs to no feature.
    if (layout.role === 'supporting' && dirname(path) === layout.feature && /\/specs$/.test(layout.feature)) return undefined;
    // A note the configuration or its front matter makes a spec is one of the feature's specs; a spec file configured out is a note.
    const role = layout.role === 'supporting' && settings.isSpec ? 'spec' : layout.role === 'spec' && !settings.isSpec ? 'supporting' : layout.role;
    return { role, layout: layout.layout, feature: layout.feature };
  }
  // A spec of no tool's layout is a feature of its own: two specs in one folder may both have a REQ-1.
  return settings.isSpec ? { role: 'spec', feature: path } : undefined;
}

/**
 * Roles whose facts a cross-file rule or the matrix reads: a checklist or a supporting note
 * (research, quickstart, data model) only adds references for the editor's navigation, so
 * the CLI does not read them.
 */
const RULE_ROLES: ReadonlySet<MarkdownTraceRole['role']> = new Set(['spec', 'tasks', 'design', 'plan']);

export function feedsRulesOrMatrix(role: MarkdownTraceRole): boolean {
  return RULE_ROLES.has(role.role);
}
