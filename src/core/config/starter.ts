/** The commented config that `specwise init` and "Specwise: Open Configuration" write. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/specwise/specwise/main/schemas/specwise.schema.json';

export function starterConfig(template: string, templateNames: readonly string[]): string {
  return `{
  // Specwise configuration: https://github.com/specwise/specwise/blob/main/docs/configuration.md
  "$schema": "${SCHEMA_URL}",

  // Presets applied first: "specwise:recommended" (defaults) or "specwise:strict".
  "extends": ["specwise:recommended"],

  // The template for spec files: ${templateNames.join(', ')} or one defined below.
  "template": "${template}",

  // Which Markdown files are specs (globs relative to this file). Without "files":
  // specs/, requirements/ and rfcs/ folders, *.spec.md, PRD*.md and requirements*.md.
  // "files": ["specs/**/*.md"],

  // Team templates; "extends" starts from a built-in one.
  // "templates": {
  //   "kep": {
  //     "title": "Enhancement proposal",
  //     "extends": "tech-spec",
  //     "sections": [
  //       { "id": "risks", "title": "Risks and Mitigations", "aliases": ["Risks"], "kind": "risks", "presence": "required" }
  //     ]
  //   }
  // },

  // Per-glob settings; later entries win.
  // "overrides": [
  //   { "files": ["keps/**/README.md"], "template": "kep", "rules": { "empty-section": "warning" } }
  // ],

  // Rule severities ("error", "warning", "info", "off"), or [severity, options].
  "rules": {
    // "section-order": "off"
  }
}
`;
}

