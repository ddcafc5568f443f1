/**
 * A team's own work items: ids of any prefix that a spec lists in a table's first column
 * ("| GAP-001 | Opt-out |"), opens a heading or an item with ("### DEBT-3: …", "- **GAP-2**:"),
 * and that tasks carry as a label ("- [ ] T110 [GAP-001] Consent table"). They are not
 * requirements, but a task that carries one is linked to its spec.
 */
const ITEM_ID = String.raw`[A-Z][A-Z0-9]{1,9}-\d{1,5}`;
const LISTED_ITEM = new RegExp(String.raw`^(?:\|\s*|#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)(?:\*\*|__|\x60)?(${ITEM_ID})(?![\w-])`, 'gm');
const TASK_LABEL = new RegExp(String.raw`\[(${ITEM_ID})\]`, 'g');

/** The work-item ids a spec lists. */
export function workItemsOf(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(LISTED_ITEM)) ids.add(match[1]);
  return [...ids];
}

/** The work-item labels on a task's line. */
export function taskLabelsOf(line: string): string[] | undefined {
  const labels = [...line.matchAll(TASK_LABEL)].map((match) => match[1]);
  return labels.length > 0 ? labels : undefined;
}
