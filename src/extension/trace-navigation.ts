import * as vscode from 'vscode';
import { referencesOf, symbolAt } from '../trace/navigate.js';
import type { Place } from '../trace/model.js';
import { planRename, renameTarget } from '../trace/rename.js';
import type { RequirementDefinition } from './language-features.js';
import { enginePath } from './service.js';
import type { TraceService } from './trace-service.js';

function rangeOf(place: Place): vscode.Range {
  return new vscode.Range(place.start.line - 1, place.start.column - 1, place.end.line - 1, place.end.column - 1);
}

/** "[US1]": text the Markdown extension would rename as a link label. */
function isBracketed(document: vscode.TextDocument, range: vscode.Range): boolean {
  if (range.start.character === 0) return false;
  const line = document.lineAt(range.start.line).text;
  return line[range.start.character - 1] === '[' && line[range.end.character] === ']';
}

/**
 * Across files: Go to Definition from a task, design note or test to the spec; Find All
 * References from anywhere to the spec, tasks, designs and tests; Rename Symbol of an id in
 * every file that writes it, as one workspace edit (Ctrl+Enter in the rename box previews it).
 */
export class TraceNavigation implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.RenameProvider {
  constructor(
    private readonly trace: TraceService,
    private readonly inDocument: RequirementDefinition,
  ) {}

  private async symbol(document: vscode.TextDocument, position: vscode.Position) {
    await this.trace.refresh(document);
    return symbolAt(this.trace.index, enginePath(document.uri), document.offsetAt(position));
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const symbol = await this.symbol(document, position);
    if (symbol) return new vscode.Location(this.trace.uriOf(symbol.requirement.file.path), rangeOf(symbol.requirement.definition));
    return document.languageId === 'markdown' ? this.inDocument.provideDefinition(document, position) : undefined;
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const symbol = await this.symbol(document, position);
    if (!symbol) return undefined;
    return referencesOf(this.trace.index, symbol.requirement)
      .filter((location) => context.includeDeclaration || location.kind === 'citation')
      .map((location) => new vscode.Location(this.trace.uriOf(location.path), rangeOf(location)));
  }

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string } | undefined> {
    await this.trace.refresh(document);
    const path = enginePath(document.uri);
    const target = renameTarget(this.trace.index, path, document.offsetAt(position));
    if (!target) return undefined;
    if ('error' in target) {
      // Refusing here would hand "[US1]" to the Markdown rename, which renames it as a link label and breaks the trace:
      // claim the id, and say why when the edits are asked for (nothing is renamed).
      const symbol = symbolAt(this.trace.index, path, document.offsetAt(position));
      if (!symbol || !isBracketed(document, rangeOf(symbol.place))) throw new Error(target.error);
      return { range: rangeOf(symbol.place), placeholder: symbol.id };
    }
    return { range: rangeOf(target.place), placeholder: target.id };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    await this.trace.refresh(document);
    const plan = planRename(this.trace.index, enginePath(document.uri), document.offsetAt(position), newName);
    if ('error' in plan) {
      // A refusal would pass the rename on to the next provider: the Markdown extension renames "[US1]" as a link label.
      void vscode.window.showWarningMessage(`Specwise: ${plan.error}`);
      return new vscode.WorkspaceEdit();
    }
    // Enter applies it; Ctrl+Enter in the rename box shows it in the refactor preview first, grouped by this label.
    const edit = new vscode.WorkspaceEdit();
    for (const [path, edits] of plan.edits) {
      const uri = this.trace.uriOf(path);
      const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: false, label: `Rename ${plan.id} to ${plan.newId}`, description: vscode.workspace.asRelativePath(uri) };
      for (const entry of edits) edit.replace(uri, rangeOf(entry), entry.newText, metadata);
    }
    return edit;
  }
}
