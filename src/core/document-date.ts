import type { SpecDocument } from './model.js';

const DATE_LINE = /^[ \t]*(?:[-*][ \t]+)?\**(?:start[ _-]?date|created|date)\**[ \t]*:\**[ \t]*(\d{4}-\d{2}-\d{2})/im;
const FRONT_MATTER_KEYS = ['date', 'created', 'start_date', 'startDate', 'start-date'];

/**
 * When the document was started, as YYYY-MM-DD: a front matter `date`/`created`, or a
 * "Start Date:" / "Created:" line at the top (RFC and spec-kit headers). Undefined when none.
 */
export function documentDate(doc: SpecDocument): string | undefined {
  const data = doc.frontMatter?.data;
  if (data && typeof data === 'object') {
    for (const key of FRONT_MATTER_KEYS) {
      const value = (data as Record<string, unknown>)[key];
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
    }
  }
  const head = doc.text.slice(doc.frontMatter?.range.end ?? 0, (doc.frontMatter?.range.end ?? 0) + 2048);
  return DATE_LINE.exec(head)?.[1];
}
