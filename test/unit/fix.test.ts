import assert from 'node:assert/strict';
import { fixPass, fixText, problemCount } from '../../src/core/fix-all.js';
import { applyFixes, type Fix } from '../../src/core/fix.js';
import type { Finding } from '../../src/core/rule.js';

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

describe('fixPass', () => {
  const finding = (fix: Fix): Finding =>
    ({ ruleId: 'r', message: 'm', severity: 'warning', range: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, docsUrl: '', fixes: [{ ...fix, safe: true }] }) as Finding;
  /** One warning per '!' in the text, plus one per remaining '?'. */
  const check = (text: string): Finding[] => [...text.matchAll(/[!?]/g)].map(() => finding(insert('x', 0, '')));

  it('applies every safe fix when together they add no warning or error', () => {
    const result = fixPass('a?b?', [finding(replace('one', 1, 1, '.')), finding(replace('two', 3, 1, '.'))], check);
    assert.equal(result.text, 'a.b.');
    assert.equal(result.applied.length, 2);
  });

  it('leaves out the fixes that would add warnings, keeping the others', () => {
    const result = fixPass('a?b?', [finding(replace('adds three', 1, 1, '!!!')), finding(replace('helps', 3, 1, '.'))], check);
    assert.equal(result.text, 'a?b.');
    assert.deepEqual(result.applied.map((fix) => fix.title), ['helps']);
    assert.equal(problemCount(result.findings), 1);
  });

  it('fixText never ends with more warnings and errors than it started with', () => {
    const start = 'a?b?';
    const result = fixText(start, (text) => (text === start ? [finding(replace('adds', 1, 1, '!!!'))] : check(text)));
    assert.equal(result.text, start);
    assert.equal(result.applied, 0);
  });
});
