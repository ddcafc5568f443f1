/** Offsets are UTF-16 code units into the document text, as in JS strings and VS Code. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** 1-based line and UTF-16 column, as printed by the CLI and SARIF. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Maps offsets to lines; line breaks are \n, \r\n or a lone \r, as in VS Code. */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        starts.push(i + 1);
      } else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing the offset. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): LineColumn {
    const line = this.lineAt(offset);
    return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
  }

  /** Offset of a 1-based line and column (clamped to the line). */
  offsetAt(line: number, column: number): number {
    const index = Math.min(Math.max(line - 1, 0), this.lineStarts.length - 1);
    return Math.min(this.lineStarts[index] + Math.max(column - 1, 0), this.lineEnd(index));
  }

  lineStart(line0: number): number {
    return this.lineStarts[line0];
  }

  /** Offset of the end of a 0-based line, before its line break. */
  lineEnd(line0: number): number {
    const next = line0 + 1 < this.lineStarts.length ? this.lineStarts[line0 + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line0] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line0] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line break style the document mostly uses, for inserted text. */
  get eol(): string {
    const first = this.text.indexOf('\n');
    return first > 0 && this.text.charCodeAt(first - 1) === 13 ? '\r\n' : '\n';
  }
}
