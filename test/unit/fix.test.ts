import assert from 'node:assert/strict';
import { applyFixes, type Fix } from '../../src/core/fix.js';

const insert = (title: string, offset: number, newText: string): Fix => ({ title, edits: [{ offset, length: 0, newText }] });
const replace = (title: string, offset: number, length: number, newText: string): Fix => ({ title, edits: [{ offset, length, newText }] });

describe('applyFixes', () => {
  it('applies edits bottom-up so earlier offsets stay valid', () => {
    const result = applyFixes('abcdef', [replace('a', 0, 1, 'AA'), replace('e', 4, 1, 'EE'), insert('end', 6, '!')]);
    assert.equal(result.text, 'AAbcdEEf!');
    assert.equal(result.applied.length, 3);
  });

  it('keeps the order of fixes for insertions at the same offset', () => {
    assert.equal(applyFixes('ab', [insert('1', 1, '1'), insert('2', 1, '2'), insert('3', 1, '3')]).text, 'a123b');
  });

  it('skips a whole fix when one of its edits overlaps an earlier fix', () => {
    const overlapping: Fix = { title: 'two edits', edits: [{ offset: 0, length: 0, newText: '>' }, { offset: 2, length: 2, newText: 'X' }] };
    const result = applyFixes('abcdef', [replace('first', 1, 2, 'Z'), overlapping]);
    assert.equal(result.text, 'aZdef');
    assert.deepEqual(result.skipped, [overlapping]);
  });

  it('allows insertions at the boundary of a replacement, not inside it', () => {
    assert.equal(applyFixes('abc', [replace('b', 1, 1, 'B'), insert('before', 1, '<'), insert('after', 2, '>')]).text, 'a<B>c');
    assert.deepEqual(applyFixes('abc', [replace('ab', 0, 2, 'X'), insert('inside', 1, '!')]).skipped.map((fix) => fix.title), ['inside']);
  });

  it('skips edits outside the text and leaves the text unchanged without fixes', () => {
    assert.deepEqual(applyFixes('abc', [insert('far', 10, 'x')]).skipped.length, 1);
    assert.equal(applyFixes('abc', []).text, 'abc');
  });
});
