export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for `translate -`. */
  readStdin?(): Promise<string>;
  /** Environment variables (the model endpoint for `translate --model`). */
  env?: Readonly<Record<string, string | undefined>>;
}
