import assert from 'node:assert/strict';
import { binaryReason, decodeSpecFile, sizeReason } from '../../src/core/file-policy.js';

describe('file policy shared by the CLI and the editor', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('skips files with NUL bytes as binary, from bytes or text', () => {
    assert.deepEqual(decodeSpecFile(Uint8Array.from([0x23, 0x20, 0x00, 0x01])), { skipped: 'binary file (contains NUL bytes)' });
    assert.equal(binaryReason('# Title\n\0\0'), 'binary file (contains NUL bytes)');
    assert.equal(binaryReason('# Title\n'), undefined);
  });

  it('drops a byte order mark for checking and remembers it', () => {
    const decoded = decodeSpecFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('# Spec\n')]));
    assert.deepEqual(decoded, { text: '# Spec\n', bom: true, validUtf8: true, bytes: 10 });
  });

  it('reads invalid UTF-8 with replacement characters and marks it', () => {
    const decoded = decodeSpecFile(Uint8Array.from([...encode('# Caf'), 0xe9, 0x0a]));
    assert.ok(!('skipped' in decoded));
    assert.equal(decoded.text, '# Caf\uFFFD\n');
    assert.equal(decoded.validUtf8, false);
  });

  it('names the limit when a file is too large', () => {
    assert.equal(sizeReason(2_000_001, 2_000_000), 'file is 2000001 bytes, over the 2000000-byte limit (maxFileSize)');
    assert.equal(sizeReason(10, 2_000_000), undefined);
  });
});
