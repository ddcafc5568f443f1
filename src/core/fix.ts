export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes only insert placeholders or scaffolds, never reword: `check --fix` applies them. */
  safe?: boolean;
}

export interface ApplyResult {
  text: string;
  applied: Fix[];
  /** Fixes left out because an edit overlapped an edit of an earlier fix. */
  skipped: Fix[];
}

interface OrderedEdit extends TextEdit {
  order: number;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.length === 0 && b.length === 0) return false;
  if (a.length === 0) return a.offset > b.offset && a.offset < bEnd;
  if (b.length === 0) return b.offset > a.offset && b.offset < aEnd;
  return a.offset < bEnd && b.offset < aEnd;
}

/**
 * Applies whole fixes in order, skipping any fix whose edits overlap an accepted one.
 * Insertions at the same offset keep the order of their fixes. The text is rebuilt in one
 * pass over the sorted edits, which is the same as applying them bottom-up.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const accepted: OrderedEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const same = (a: TextEdit, b: TextEdit) => a.offset === b.offset && a.length === b.length && a.newText === b.newText;
  for (const fix of fixes) {
    // An edit identical to an accepted one is the same change, made once (e.g. two fixes creating one section).
    const fresh = fix.edits.filter((edit) => !accepted.some((other) => same(edit, other)));
    const valid = fresh.every(
      (edit, i) =>
        edit.offset >= 0 &&
        edit.length >= 0 &&
        edit.offset + edit.length <= text.length &&
        !fresh.some((other, j) => j < i && overlaps(edit, other)) &&
        !accepted.some((other) => overlaps(edit, other)),
    );
    if (!valid) {
      skipped.push(fix);
      continue;
    }
    for (const edit of fresh) accepted.push({ ...edit, order: accepted.length });
    applied.push(fix);
  }
  // At one offset, insertions (in fix order) come before the text a replacement puts there.
  accepted.sort((a, b) => a.offset - b.offset || Math.sign(a.length) - Math.sign(b.length) || a.order - b.order);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of accepted) {
    parts.push(text.slice(cursor, edit.offset), edit.newText);
    cursor = edit.offset + edit.length;
  }
  parts.push(text.slice(cursor));
  const result = parts.join('');
  return { text: result, applied, skipped };
}

/**
 * The edits `applyFixes` would make, as non-overlapping edits in document order, with
 * insertions at one offset merged in fix order: safe to hand to an editor as one edit batch.
 */
export function mergedEdits(text: string, fixes: readonly Fix[]): TextEdit[] {
  const { applied } = applyFixes(text, fixes);
  const merged: TextEdit[] = [];
  const seen: TextEdit[] = [];
  for (const fix of applied) {
    for (const edit of fix.edits) {
      if (seen.some((other) => other.offset === edit.offset && other.length === edit.length && other.newText === edit.newText)) continue;
      seen.push(edit);
      const previous = merged.find((other) => other.offset === edit.offset && other.length === 0 && edit.length === 0);
      if (previous) previous.newText += edit.newText;
      else merged.push({ ...edit });
    }
  }
  return merged.sort((a, b) => a.offset - b.offset || a.length - b.length);
}
