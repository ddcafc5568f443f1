export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}
