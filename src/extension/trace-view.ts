import * as vscode from 'vscode';
import { traceMatrix } from '../trace/matrix.js';
import { enginePath } from './service.js';
import type { TraceService } from './trace-service.js';
import { traceTree, type TraceNode } from './trace-view-model.js';

const ICONS: Partial<Record<TraceNode['kind'], string>> = { feature: 'folder-library', group: 'list-tree', finding: 'warning', message: 'info' };

/** The Traceability view: the feature of the active editor, its requirements with gaps first. */
export class TraceView implements vscode.TreeDataProvider<TraceNode> {
  private readonly changed = new vscode.EventEmitter<TraceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The feature last shown: it stays while the active editor is not one of a feature's files. */
  private featurePath: string | undefined;

  constructor(private readonly trace: TraceService) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The active editor moved: show its feature, if it has one. */
  async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor) return;
    await this.trace.refresh(editor.document);
    const feature = this.trace.index.facts(enginePath(editor.document.uri))?.feature;
    if (feature && feature !== this.featurePath) {
      this.featurePath = feature;
      this.refresh();
    }
  }

  /** The view's nodes for the current feature, as the tree shows them. */
  roots(): TraceNode[] {
    const { index } = this.trace;
    const feature = this.featurePath ? index.feature(this.featurePath) : undefined;
    const files = new Set(feature?.files.map((file) => file.path));
    const matrix = feature ? traceMatrix([feature], index.workspaceLinks(), index.findings().filter((finding) => files.has(finding.path))) : undefined;
    return traceTree(matrix?.features[0], (path) => vscode.workspace.asRelativePath(this.trace.uriOf(path)));
  }

  getChildren(node?: TraceNode): TraceNode[] {
    return node ? node.children : this.roots();
  }

  getTreeItem(node: TraceNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.kind === 'feature' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    const icon =
      node.kind === 'requirement' ? (node.gap ? 'warning' : 'pass') : node.kind === 'link' ? (node.done === undefined ? 'link' : node.done ? 'pass-filled' : 'circle-large-outline') : (ICONS[node.kind] ?? 'circle-small');
    const color = node.gap ? new vscode.ThemeColor('problemsWarningIcon.foreground') : node.kind === 'requirement' ? new vscode.ThemeColor('testing.iconPassed') : undefined;
    item.iconPath = new vscode.ThemeIcon(icon, color);
    if (node.location) {
      const position = new vscode.Position(node.location.line - 1, 0);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [this.trace.uriOf(node.location.path), { selection: new vscode.Range(position, position) }] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
