/**
 * Which files are read as specs, shared by the CLI and the editor so both skip the same
 * files for the same reasons: binary files, and files over the size limit.
 */

export interface SpecFileText {
  text: string;
  /** The file starts with a byte order mark (kept when fixes are written back). */
  bom: boolean;
  /** The bytes are valid UTF-8 (otherwise invalid bytes read as U+FFFD and the file is never rewritten). */
  validUtf8: boolean;
  bytes: number;
}

export type SpecFileContent = SpecFileText | { skipped: string };

/** Why a file is not checked, or undefined. */
export function binaryReason(sample: Uint8Array | string): string | undefined {
  const head = sample.slice(0, 8192);
  const hasNul = typeof head === 'string' ? head.includes('\0') : head.includes(0);
  return hasNul ? 'binary file (contains NUL bytes)' : undefined;
}

export function sizeReason(bytes: number, maxFileSize: number): string | undefined {
  return bytes > maxFileSize ? `file is ${bytes} bytes, over the ${maxFileSize}-byte limit (maxFileSize)` : undefined;
}

/** Decodes a file's bytes as UTF-8 text, or says why it is not checked. */
export function decodeSpecFile(bytes: Uint8Array): SpecFileContent {
  const binary = binaryReason(bytes);
  if (binary) return { skipped: binary };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let validUtf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    validUtf8 = false;
  }
  // The BOM is dropped for checking, as editors do, so columns on line 1 match theirs.
  return { text: new TextDecoder('utf-8').decode(bytes), bom, validUtf8, bytes: bytes.length };
}
