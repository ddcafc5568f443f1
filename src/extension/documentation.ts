import * as vscode from 'vscode';

/**
 * "Show documentation": the rule's page shipped in the extension, in the Markdown preview
 * (offline too); the web page when the bundled one is missing. The diagnostic's rule link
 * in the Problems panel still opens the web page, as a second choice.
 */
export async function showDocumentation(extensionUri: vscode.Uri, ruleId: string, webUrl?: string): Promise<'preview' | 'web' | undefined> {
  const bundled = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(bundled);
    await vscode.commands.executeCommand('markdown.showPreview', bundled);
    return 'preview';
  } catch {
    if (!webUrl) return undefined;
    await vscode.env.openExternal(vscode.Uri.parse(webUrl));
    return 'web';
  }
}
