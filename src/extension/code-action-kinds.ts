import * as vscode from 'vscode';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('specwise');

export const CODE_ACTION_METADATA: vscode.CodeActionProviderMetadata = {
  providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
};
