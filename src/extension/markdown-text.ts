/**
 * Plain text for a MarkdownString. VS Code's appendText turns every space into &nbsp;, so
 * hovers and tooltips cannot wrap and break mid-word; escaping the syntax keeps spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`).replace(/[\s\u00a0]+/g, ' ');
}
