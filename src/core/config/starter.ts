/** The commented config that `specwise init` and "Specwise: Open Configuration" write. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/specwise/specwise/main/schemas/specwise.schema.json';

/**
 * `schema`: write the remote `$schema` URL, for editors without the Specwise extension (the
 * extension validates .specwise.json(c) with its bundled schema, offline too, so it writes none).
 */
export function starterConfig(template: string, templateNames: readonly string[], options: { schema?: boolean } = {}): string {
  const schema = options.schema === false ? '' : `  "$schema": "${SCHEMA_URL}",\n`;
  return `{
  // Specwise configuration: https://github.com/specwise/specwise/blob/main/docs/configuration.md
${schema}
  // Presets applied first: "specwise:recommended" (defaults) or "specwise:strict".
  "extends": ["specwise:recommended"],

  // The template for spec files: ${templateNames.join(', ')} or one defined below.
  "template": "${template}",

  // Which Markdown files are specs (globs relative to this file). Without "files":
  // specs/, requirements/ and rfcs/ folders, *.spec.md, *-spec.md, *_spec.md, PRD*.md and
  // requirements*.md, and the spec files of spec-kit, Kiro and OpenSpec folders.
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

  // Per-glob settings; later entries win. An entry naming a template also makes its files
  // specs, without replacing the default patterns.
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

