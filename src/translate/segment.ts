// Cuts a request into the units the parser reads: prose paragraphs and list items, with
// greetings, sign-offs, meeting-note labels, headings and action items for people set aside.

export interface Unit {
  text: string;
  /** A list item: an imperative there is a requirement ("- Send a text when ..."). */
  item: boolean;
  /** Marked as a decision or requirement by a label ("Decision: ..."). */
  decided: boolean;
}

const BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
const GREETING = /^(?:(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening))\b[^!?\n]{0,40}?(?:[,!:]|$)|(?:team|all|everyone|folks|colleagues)\s*[,!:]\s*$)/i;
const MODAL_WORD = /\b(?:should|must|shall|needs?|has to|have to|wants?|would like|let)\b/i;
const SIGN_OFF = /^(?:thanks|thank you|many thanks|cheers|regards|best|best regards|kind regards|warm regards|all the best|sincerely|thx|br)\b[^.?]{0,40}$/i;
/** Meeting-note lines that hold no request: who came, when, what is next. */
const LOGISTICS = /^(?:attendees|present|participants|apologies|absent|date|time|location|agenda|aob|cc|to|from|subject)\s*:|^(?:next|follow-?up)\b.{0,40}\b(?:sync|meeting|review|call|session|steps?|week)\b|^(?:actions?|notes?|decisions?|minutes|agenda|requirements?)\s*:?\s*$/i;
/** "Decision: …", "Action (Marco): …", "**User Story:** …": the label goes, the content stays. */
const LABEL = /^(?<label>decision|agreed|action(?: item)?|requirement|req|user story|story|ask|request|note|fyi|reminder|update|idea|proposal)s?\s*(?:\([^)]*\))?\s*:\s*/i;
/** "Maria to check the budget", "AP to look into card fees": a task for a person. */
const ACTION_ITEM = /^(?:[A-Z][\p{L}&]*)(?:\s+[A-Z][\p{L}&]*)?(?:\s*\([^)]*\))?\s+to\s+\p{Ll}/u;

function stripMarkup(line: string): string {
  return line.replace(/^\s*>\s?/, '').replace(/\*\*|__/g, '').replace(/(?<!\w)[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?!\w)/g, '$1');
}

interface Line {
  text: string;
  item: boolean;
  /** A blank line came before it. */
  paragraph: boolean;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let paragraph = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = stripMarkup(raw);
    if (line.trim() === '') {
      paragraph = true;
      continue;
    }
    const item = BULLET.test(line);
    const content = line.replace(BULLET, '').trim();
    const previous = lines[lines.length - 1];
    // A wrapped line of prose continues the line before it.
    if (previous && !item && !paragraph && !previous.item && /[\p{L}\p{N},;]$/u.test(previous.text) && /^[\p{Ll}\p{N}]/u.test(content)) {
      previous.text += ` ${content}`;
    } else {
      lines.push({ text: content, item, paragraph });
    }
    paragraph = false;
  }
  return lines;
}

/** A first line without end punctuation, followed by more lines, names the request. */
function isHeading(line: Line, index: number, lines: Line[]): boolean {
  if (line.item || index > 0 || lines.length < 2) return false;
  return /:$/.test(line.text) || (!/[.!?]$/.test(line.text) && !MODAL_WORD.test(line.text) && line.text.split(/\s+/).length <= 8);
}

export function segment(text: string): Unit[] {
  const lines = linesOf(text);
  const units: Unit[] = [];
  for (const [index, line] of lines.entries()) {
    let content = line.text;
    if (SIGN_OFF.test(content) && index > 0) break;
    if (isHeading(line, index, lines) || /:$/.test(content) && lines[index + 1]?.item) continue;
    const greeting = GREETING.exec(content);
    if (greeting) content = content.slice(greeting[0].length).trim();
    if (!content || LOGISTICS.test(content) || ACTION_ITEM.test(content)) continue;
    const label = LABEL.exec(content);
    const decided = !!label && /^(?:decision|agreed|action|requirement|req|user story|story|ask|request)/i.test(label.groups!.label);
    if (label) content = content.slice(label[0].length);
    if (SIGN_OFF.test(content) && !/[.?]/.test(content.slice(0, -1))) continue;
    units.push({ text: content, item: line.item, decided });
  }
  return units;
}
