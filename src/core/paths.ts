/** Path helpers over '/'-separated paths, so the engine runs without Node (web extension). */

export function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

export function dirname(path: string): string {
  const at = path.replace(/\/+$/, '').lastIndexOf('/');
  if (at < 0) return '.';
  return at === 0 ? '/' : path.slice(0, at);
}

export function joinPath(base: string, relative: string): string {
  if (relative.startsWith('/') || /^[a-zA-Z]:\//.test(relative)) return normalizePath(relative);
  return normalizePath(`${base.replace(/\/+$/, '')}/${relative}`);
}

export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** `path` relative to `from`, or undefined when it is not inside `from`. */
export function relativeInside(from: string, path: string): string | undefined {
  const base = from.replace(/\/+$/, '');
  if (path === base) return '';
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : base === '/' && path.startsWith('/') ? path.slice(1) : undefined;
}

/** A Markdown file's name: `.md` or `.markdown`, any case. */
export const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
