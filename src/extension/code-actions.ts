import * as vscode from 'vscode';
import { planFixAll, planQuickFixes, type PlannedAction } from './action-plan.js';
import { toSnippetWorkspaceEdit, toWorkspaceEdit } from './convert.js';
import { FIX_ALL_KIND } from './code-action-kinds.js';
import type { SpecService } from './service.js';

/** Code actions computed from the engine for the document's current version, never from stale diagnostics. */
export class SpecCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly service: SpecService) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      const analysis = await this.service.analyze(document);
      if (!analysis) return [];
      const { doc, findings } = analysis.result;
      // `source.fixAll` (or `.specwise`) on save: everything safe. Other requested kinds we do not offer.
      if (context.only?.contains(FIX_ALL_KIND)) {
        const plan = planFixAll(doc, findings);
        return plan ? [this.toAction(document, plan, context)] : [];
      }
      if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
      const offsets = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
      return planQuickFixes(doc, findings, offsets).map((plan) => this.toAction(document, plan, context));
    } catch (error) {
      this.service.logError('code actions', error);
      return [];
    }
  }

  private toAction(document: vscode.TextDocument, plan: PlannedAction, context: vscode.CodeActionContext): vscode.CodeAction {
    const action = new vscode.CodeAction(plan.title, plan.kind === 'fixAll' ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix);
    // A quick fix's placeholders are tab stops; fix-all (on save) stays plain text.
    if (plan.edits) action.edit = plan.kind === 'quickfix' ? toSnippetWorkspaceEdit(document, plan.edits) : toWorkspaceEdit(document, plan.edits);
    if (plan.command) action.command = { command: plan.command.id, title: plan.command.title, arguments: plan.command.args };
    action.isPreferred = plan.isPreferred;
    const ids = new Set(plan.findings.map((finding) => `${finding.ruleId}:${finding.start.line}:${finding.start.column}`));
    action.diagnostics = context.diagnostics.filter((diagnostic) => {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      return ids.has(`${code}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`);
    });
    return action;
  }
}
