/**
 * Recognizes the folder layouts of spec-driven tools, with no configuration: which tool's
 * feature folder a file belongs to, what role it plays there, and which template checks it.
 */

export type LayoutName = 'spec-kit' | 'kiro' | 'openspec';

/** What a file is in its feature folder. Only `spec` files are checked with a template. */
export type DocumentRole = 'spec' | 'plan' | 'tasks' | 'design' | 'checklist' | 'supporting';

export interface LayoutMatch {
  layout: LayoutName;
  role: DocumentRole;
  /** The template a `spec` file is checked with. */
  template?: string;
  /** The feature folder (absolute, '/'-separated): ids are scoped to it. */
  feature: string;
  /** Why, for people: "spec-kit feature folder specs/003-export". */
  reason: string;
}

const SPEC_KIT_TITLE = /^\s*#\s+Feature Specification\b/m;
/** Kiro's requirement blocks, user stories and criteria, in the languages the templates know. */
const KIRO_SHAPE =
  /^#{2,4}\s*(?:Requirement|需求|要件|요구\s*사항|Requisito|Exigence|Anforderung)\s*\d|\*\*\s*(?:User Story|用户故事|用戶故事|ユーザーストーリー|사용자\s*스토리|Historia de usuario|História de usuário|Récit utilisateur|User-Story)\s*[:：]?\s*\*\*|^#{2,5}\s*(?:Acceptance Criteria|验收标准|驗收標準|受け入れ基準|인수\s*기준)\s*$/im;

function role(name: string, sub: string[]): DocumentRole {
  if (sub.length > 0) return sub[0] === 'checklists' ? 'checklist' : 'supporting';
  switch (name) {
    case 'plan.md':
      return 'plan';
    case 'tasks.md':
      return 'tasks';
    case 'design.md':
      return 'design';
    default:
      return 'supporting';
  }
}

/** The folder names that hold archived features inside `specs/` or `changes/`. */
function isArchive(segment: string): boolean {
  return segment.startsWith('_') || /archiv/i.test(segment);
}

function openspecLayout(parts: string[]): LayoutMatch | undefined {
  const root = parts.lastIndexOf('openspec');
  if (root < 0) return undefined;
  const rest = parts.slice(root + 1);
  const base = parts.slice(0, root + 1).join('/');
  if (rest[0] === 'specs' && rest.length >= 3) {
    const feature = `${base}/specs/${rest.slice(1, -1).join('/')}`;
    const isSpec = rest[rest.length - 1] === 'spec.md';
    return { layout: 'openspec', role: isSpec ? 'spec' : 'supporting', template: isSpec ? 'openspec-spec' : undefined, feature, reason: `OpenSpec capability spec openspec/specs/${rest.slice(1, -1).join('/')}` };
  }
  if (rest[0] !== 'changes' || rest.length < 3) return undefined;
  let at = 1;
  while (at < rest.length - 2 && isArchive(rest[at])) at++;
  const change = rest.slice(1, at + 1).join('/');
  const feature = `${base}/changes/${change}`;
  const inside = rest.slice(at + 1);
  const name = inside[inside.length - 1];
  if (inside.length === 1 && name === 'proposal.md') {
    return { layout: 'openspec', role: 'spec', template: 'openspec-proposal', feature, reason: `OpenSpec change proposal openspec/changes/${change}/proposal.md` };
  }
  if (inside[0] === 'specs' && inside.length >= 3 && name === 'spec.md') {
    return { layout: 'openspec', role: 'spec', template: 'openspec-delta', feature, reason: `OpenSpec spec delta of change ${change}` };
  }
  return { layout: 'openspec', role: role(name, inside.slice(0, -1)), feature, reason: `OpenSpec change folder openspec/changes/${change}` };
}

/** What the layout may ask of the file system about a file's neighbours. */
export interface LayoutProbe {
  exists(path: string): Promise<boolean>;
  /** Names of the folders in a folder; undefined when the host cannot list. */
  folders?(path: string): Promise<string[] | undefined>;
}

/** A feature folder of either tool: its spec file tells which. */
async function featureLayout(feature: string, probe: LayoutProbe): Promise<LayoutName | undefined> {
  if (await probe.exists(`${feature}/spec.md`)) return 'spec-kit';
  if (await probe.exists(`${feature}/requirements.md`)) return 'kiro';
  return undefined;
}

/** The first feature folder's layout in a `specs/` folder (archive folders searched one level down). */
async function containerLayout(container: string, probe: LayoutProbe): Promise<LayoutName | undefined> {
  const folders = (await probe.folders?.(container)) ?? [];
  for (const folder of folders.filter((name) => !isArchive(name)).slice(0, 20)) {
    const layout = await featureLayout(`${container}/${folder}`, probe);
    if (layout) return layout;
  }
  return undefined;
}

/**
 * The layout a file belongs to, from its path, its text and its neighbours: spec-kit
 * `specs/<NNN-name>/spec.md` and the plan, tasks, research and checklists beside it; Kiro
 * `.kiro/specs/<name>/requirements.md` (or another `specs/<name>/requirements.md` written in
 * Kiro's shape or next to a design.md or tasks.md) with its design and tasks; OpenSpec
 * `openspec/...`. Other files in a `specs/` folder that holds feature folders are notes.
 */
export async function detectLayout(path: string, text: string, probe: LayoutProbe): Promise<LayoutMatch | undefined> {
  const parts = path.split('/');
  const openspec = openspecLayout(parts);
  if (openspec) return openspec;
  const specs = parts.lastIndexOf('specs', parts.length - 2);
  if (specs < 0) return undefined;
  const container = parts.slice(0, specs + 1).join('/');
  const kiroFolder = parts[specs - 1] === '.kiro';
  let at = specs + 1;
  while (at < parts.length - 2 && isArchive(parts[at])) at++;
  // Teams group features in folders ("specs/phase-4/1-deployment/spec.md"): the feature folder is the one that holds the spec.
  // Each folder is asked once; `asked` keeps the answer for the folder the descent stops at (null: none).
  const folderAt = (index: number) => parts.slice(0, index + 1).join('/');
  let asked: LayoutName | null | undefined = at < parts.length - 2 ? ((await featureLayout(folderAt(at), probe)) ?? null) : undefined;
  while (asked === null && at < parts.length - 2) {
    const deeper = await featureLayout(folderAt(at + 1), probe);
    if (!deeper) break;
    at++;
    asked = deeper;
  }
  if (at < parts.length - 1) {
    const inside = parts.slice(at + 1);
    const name = inside[inside.length - 1];
    const topLevel = inside.length === 1;
    const feature = parts.slice(0, at + 1).join('/');
    const where = `${kiroFolder ? '.kiro/' : ''}${parts.slice(specs, at + 1).join('/')}`;
    const kiroCompanions = async () => (await probe.exists(`${feature}/design.md`)) || (await probe.exists(`${feature}/tasks.md`));
    if (topLevel && name === 'requirements.md' && (kiroFolder || KIRO_SHAPE.test(text) || (await kiroCompanions()))) {
      return { layout: 'kiro', role: 'spec', template: 'kiro', feature, reason: `Kiro spec folder ${where}` };
    }
    const title = /^#[ \t]+\S.*$/m.exec(text.slice(0, 4096))?.[0];
    // A numbered folder's spec.md is spec-kit's unless its title says it is another kind of document.
    if (topLevel && name === 'spec.md' && (title ? SPEC_KIT_TITLE.test(title) : /^\d{3,}-/.test(parts[at]))) {
      return { layout: 'spec-kit', role: 'spec', template: 'spec-kit', feature, reason: `spec-kit feature folder ${where}` };
    }
    const layout = kiroFolder ? 'kiro' : asked === undefined ? await featureLayout(feature, probe) : asked;
    if (layout) return { layout, role: role(name, inside.slice(0, -1)), feature, reason: `${layout === 'kiro' ? 'Kiro spec' : 'spec-kit feature'} folder ${where}` };
  }
  const layout = kiroFolder ? 'kiro' : await containerLayout(container, probe);
  if (!layout) return undefined;
  return { layout, role: 'supporting', feature: container, reason: `${layout === 'kiro' ? 'Kiro' : 'spec-kit'} specs folder ${kiroFolder ? '.kiro/' : ''}specs, outside any feature folder` };
}
