import * as vscode from 'vscode';
import { matrixRow, type MatrixLink } from '../trace/matrix.js';
import { enginePath } from './service.js';
import type { TraceService } from './trace-service.js';
import { lensTitle } from './trace-view-model.js';
import { addTo } from '../core/collections.js';
import { isGapFinding } from '../trace/report/common.js';

/** "2 tasks · 1 test · 3 criteria" above each requirement of a spec; clicking lists them. */
export class TraceLenses implements vscode.CodeLensProvider {
  constructor(private readonly trace: TraceService) {}

  private location(link: MatrixLink): vscode.Location {
    return new vscode.Location(this.trace.uriOf(link.file), new vscode.Position(link.line - 1, 0));
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    await this.trace.refresh(document);
    const { index } = this.trace;
    const path = enginePath(document.uri);
    const facts = index.facts(path);
    const feature = facts?.role === 'spec' && facts.feature ? index.feature(facts.feature) : undefined;
    if (!facts || !feature) return [];
    const links = index.workspaceLinks();
    const gaps = new Map<string, string[]>();
    for (const finding of index.findingsFor(path)) {
      if (!isGapFinding(finding)) continue;
      const id = String(finding.data?.id);
      addTo(gaps, id, finding.ruleId);
    }
    const asks = { tasks: feature.files.some((file) => file.role === 'tasks'), tests: index.workspace().tracesTests(facts) };
    const lenses: vscode.CodeLens[] = [];
    for (const definition of facts.definitions) {
      const requirement = feature.requirements.get(definition.id);
      if (!requirement || requirement.file.path !== path || definition.kind === 'criterion') continue;
      const row = matrixRow(requirement, links, gaps.get(definition.id));
      const position = new vscode.Position(definition.start.line - 1, definition.start.column - 1);
      const locations = [...row.tasks, ...row.tests, ...row.criteria, ...row.design, ...row.code].map((link) => this.location(link));
      lenses.push(
        new vscode.CodeLens(new vscode.Range(position, position), {
          title: lensTitle(row, asks),
          tooltip: `What implements, tests and verifies ${requirement.id}`,
          command: 'specwise.showTraceLinks',
          arguments: [document.uri, position, locations, requirement.id],
        }),
      );
    }
    return lenses;
  }
}

/** The CodeLens command: the linked places in the peek view, or a message when there are none. */
export async function showTraceLinks(uri: vscode.Uri, position: vscode.Position, locations: vscode.Location[], id: string): Promise<number> {
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`Specwise: no task, test, criterion or design note cites ${id}.`);
    return 0;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
  return locations.length;
}
