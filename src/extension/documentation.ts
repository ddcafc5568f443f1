import * as vscode from 'vscode';

/**
 * "Show documentation": the rule's page shipped in the extension, in the Markdown preview
 * (offline too; its links to other rule pages open them the same way). When the bundled page
 * is missing, the web page. The rule link in the Problems panel opens the web page too.
 */
export async function showDocumentation(extensionUri: vscode.Uri, ruleId: string, webUrl?: string): Promise<'preview' | 'web' | undefined> {
  const bundled = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(bundled);
  } catch {
    if (!webUrl) return undefined;
    await vscode.env.openExternal(vscode.Uri.parse(webUrl));
    return 'web';
  }
  await vscode.commands.executeCommand('markdown.showPreview', bundled);
  return 'preview';
}
