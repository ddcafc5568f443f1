/**
 * Guards the Markdown parser against inputs it handles in quadratic time or by overflowing
 * the stack (10,000 nested quotes or list markers, runs of thousands of `[`). The rewrite
 * keeps every offset: excess markers and run characters become spaces, so positions in the
 * parse still point into the original text. Real documents never reach the limits.
 */
export const MAX_CONTAINER_DEPTH = 32;
export const MAX_DELIMITER_RUN = 64;
/** Emphasis delimiters per paragraph: micromark resolves unmatched `*` and `_` in quadratic time. */
export const MAX_EMPHASIS_DELIMITERS = 1000;
/** Pipes per line: GFM tables cost the parser a lot per cell; no real table has this many columns. */
export const MAX_PIPES_PER_LINE = 1000;

const RUN_CHARS = new Set(['[', ']', '*', '_', '`', '~', '<', '>', '!', '(', ')']);

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Same-length text the parser handles in linear time; the input itself when nothing needed taming. */
export function tameForParser(text: string): string {
  let chars: string[] | undefined;
  const blank = (from: number, to: number) => {
    chars ??= text.split(''); // UTF-16 units, like offsets
    for (let i = from; i < to; i++) chars[i] = ' ';
  };
  // Container markers at the start of each line, beyond the depth limit.
  let lineStart = 0;
  while (lineStart <= text.length) {
    let at = lineStart;
    let depth = 0;
    for (;;) {
      while (at < text.length && isBlank(text.charCodeAt(at))) at++;
      const code = text.charCodeAt(at);
      let end = -1;
      if (code === 62) end = at + 1; // >
      else if ((code === 45 || code === 42 || code === 43) && (at + 1 >= text.length || isBlank(text.charCodeAt(at + 1)) || text.charCodeAt(at + 1) === 10)) end = at + 1;
      else if (code >= 48 && code <= 57) {
        let digit = at;
        while (digit < text.length && digit - at < 9 && text.charCodeAt(digit) >= 48 && text.charCodeAt(digit) <= 57) digit++;
        const after = text.charCodeAt(digit);
        if ((after === 46 || after === 41) && (digit + 1 >= text.length || isBlank(text.charCodeAt(digit + 1)))) end = digit + 1;
      }
      if (end < 0) break;
      depth++;
      if (depth > MAX_CONTAINER_DEPTH) blank(at, end);
      at = end;
    }
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    lineStart = next + 1;
  }
  // Runs of one delimiter character longer than any real construct.
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && text[i] === text[runStart]) continue;
    if (i - runStart > MAX_DELIMITER_RUN && RUN_CHARS.has(text[runStart])) blank(runStart + MAX_DELIMITER_RUN, i);
    runStart = i;
  }
  // Emphasis delimiters per blank-line-separated chunk (emphasis resolves per paragraph), pipes per line.
  let chunkCount = 0;
  let linePipes = 0;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (!lineHasText) chunkCount = 0;
      lineHasText = false;
      linePipes = 0;
    } else if (!isBlank(code) && code !== 13) {
      if (code === 124 && ++linePipes > MAX_PIPES_PER_LINE) blank(i, i + 1);
      lineHasText = true;
      if ((code === 42 || code === 95) && ++chunkCount > MAX_EMPHASIS_DELIMITERS) blank(i, i + 1);
    }
  }
  return chars ? chars.join('') : text;
}
