import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import * as vscode from 'vscode';

export type RunMode = 'onType' | 'onSave';

export interface ExtensionSettings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  infoSeverity: 'information' | 'hint';
  defaultTemplate: string;
  files: string[];
  /** Show the refactor preview before a translation goes into a spec. */
  translatePreview: boolean;
  /** Which language model drafts translations: 'auto', a model id, or 'off' for the rules alone. */
  translateModel: string;
  /** Repair rounds after the model's first draft. */
  maxRepairRounds: number;
  /** How long each model request may take, in milliseconds. */
  modelTimeoutMs: number;
}

export function readSettings(scope?: vscode.Uri): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('specwise', scope);
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<RunMode>('run', 'onType'),
    debounceMs: Math.max(0, config.get<number>('debounce', 300)),
    infoSeverity: config.get<'information' | 'hint'>('infoSeverity', 'information'),
    defaultTemplate: config.get<string>('defaultTemplate', DEFAULT_TEMPLATE),
    files: config.get<string[]>('files', []),
    translatePreview: config.get<boolean>('translate.preview', false),
    translateModel: (config.get<string>('translate.model', 'auto') || 'auto').trim(),
    maxRepairRounds: Math.min(5, Math.max(0, Math.round(config.get<number>('translate.maxRepairRounds', 2)))),
    modelTimeoutMs: Math.max(1, config.get<number>('translate.modelTimeout', 120)) * 1000,
  };
}
