import * as vscode from 'vscode';
import snippets from '../../snippets/markdown.json';
import { nextRequirementId } from '../translate/index.js';
import type { SpecService } from './service.js';
import { typedPrefix, withNextId } from './snippet-completions-model.js';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

/**
 * The `spec-` snippets as completions: they appear as soon as "spec-" is typed (Markdown has
 * quick suggestions off, so contributed snippets would wait for Ctrl+Space), and requirement
 * snippets offer the spec's next free id instead of a fixed 1.
 */
export class SnippetCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly service: SpecService) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): Promise<vscode.CompletionItem[] | undefined> {
    try {
      const line = document.lineAt(position.line).text.slice(0, position.character);
      const typed = typedPrefix(line, context.triggerKind === vscode.CompletionTriggerKind.Invoke);
      if (typed === undefined) return undefined;
      const analysis = await this.service.analyze(document);
      const nextId = analysis ? nextRequirementId(analysis.result.doc, analysis.result.template) : 'REQ-1';
      const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
      return Object.entries(snippets as Record<string, Snippet>).map(([name, snippet]) => {
        const body = withNextId(snippet.body.join('\n'), nextId);
        const item = new vscode.CompletionItem({ label: snippet.prefix, description: name }, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(body);
        item.range = range;
        item.filterText = snippet.prefix;
        item.sortText = snippet.prefix;
        item.detail = snippet.description;
        item.documentation = new vscode.MarkdownString().appendCodeblock(body.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}|\$\d+/g, '$1'), 'markdown');
        return item;
      });
    } catch (error) {
      this.service.logError('snippet completions', error);
      return undefined;
    }
  }
}
