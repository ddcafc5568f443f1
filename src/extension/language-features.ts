import * as vscode from 'vscode';
import { specOutline, type OutlineKind, type OutlineNode } from '../core/outline.js';
import { requirementCoverage } from '../core/health.js';
import { requirementIndexOf } from '../core/requirements.js';
import { toRange } from './convert.js';
import type { SpecService } from './service.js';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  requirement: vscode.SymbolKind.Key,
  risk: vscode.SymbolKind.Event,
  dependency: vscode.SymbolKind.Package,
};

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const range = toRange(document, node.range.start, node.range.end);
  const selection = toRange(document, node.selectionRange.start, node.selectionRange.end);
  return new vscode.DocumentSymbol(node.name, node.detail, SYMBOL_KINDS[node.kind], range, range.contains(selection) ? selection : range);
}

/** Requirement ids, risks and dependencies in the Outline and "Go to Symbol" (the Markdown extension lists the headings). */
export class SpecSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly service: SpecService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    try {
      const analysis = await this.service.analyze(document);
      return analysis ? specOutline(analysis.result.analysis).map((node) => toSymbol(document, node)) : [];
    } catch (error) {
      this.service.logError('outline', error);
      return [];
    }
  }
}

/** The requirement id at a position, with its definition and the criteria that reference it. */
async function idAt(service: SpecService, document: vscode.TextDocument, position: vscode.Position) {
  const analysis = await service.analyze(document);
  if (!analysis) return undefined;
  const offset = document.offsetAt(position);
  const index = requirementIndexOf(analysis.result.analysis);
  const all = [...[...index.definitions.values()].flat(), ...index.references];
  const occurrence = all.find((entry) => entry.range.start <= offset && offset <= entry.range.end);
  return occurrence && { occurrence, index, analysis };
}

/** A requirement's words as written (quotes and emphasis kept), on one line, cut at a word. */
function definitionText(text: string, limit = 400): string {
  const line = text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/[\s\u00a0]+/g, ' ').trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2))} …`;
}

export class RequirementHover implements vscode.HoverProvider {
  constructor(private readonly service: SpecService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    try {
      const found = await idAt(this.service, document, position);
      if (!found) return undefined;
      const { occurrence, index, analysis } = found;
      const definition = index.definitions.get(occurrence.id)?.[0];
      // Untrusted Markdown: the spec's own text renders, links to commands do not run.
      const markdown = new vscode.MarkdownString();
      markdown.appendMarkdown(`**${occurrence.id}**`);
      if (!definition) {
        markdown.appendMarkdown(' is not defined in this document.');
      } else {
        const text = analysis.result.doc.text;
        markdown.appendMarkdown(` · line ${document.positionAt(definition.range.start).line + 1}\n\n`);
        markdown.appendMarkdown(`> ${definitionText(text.slice(definition.unit.range.start, definition.unit.range.end))}\n\n`);
        const coverers = requirementCoverage(analysis.result.analysis).get(occurrence.id) ?? [];
        markdown.appendMarkdown(
          coverers.length === 0
            ? '_No success criterion or test cites it._'
            : `Covered by ${coverers.map((entry) => (entry.name.startsWith('line ') ? entry.name : `**${entry.name}** (line ${entry.line})`)).join(', ')}`,
        );
      }
      return new vscode.Hover(markdown, toRange(document, occurrence.range.start, occurrence.range.end));
    } catch (error) {
      this.service.logError('hover', error);
      return undefined;
    }
  }
}

export class RequirementDefinition implements vscode.DefinitionProvider {
  constructor(private readonly service: SpecService) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    try {
      const found = await idAt(this.service, document, position);
      const definition = found && found.index.definitions.get(found.occurrence.id)?.[0];
      return definition && new vscode.Location(document.uri, toRange(document, definition.range.start, definition.range.end));
    } catch (error) {
      this.service.logError('definition', error);
      return undefined;
    }
  }
}
