// Bundles each entry point with esbuild: the CLI for Node, the extension for the VS Code host.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

/**
 * Zod's error messages in 40 languages (a third of the engine's size) are never used: Specwise
 * words its own messages. Only the namespace that lists them is left out; English stays.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Prefer ES modules: jsonc-parser's CommonJS build is UMD with requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  define: { SPECWISE_VERSION: JSON.stringify(version) },
  plugins: [withoutZodLocales],
};

/** Leaves an import of `specifier` to load `file` (a bundle of its own in dist/) at run time. */
const asSeparateFile = (specifier, file) => ({
  name: `${file}-as-separate-file`,
  setup(pluginBuild) {
    const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    pluginBuild.onResolve({ filter: new RegExp(`^${escaped}$`) }, () => ({ path: file, external: true }));
  },
});

/**
 * The engine (everything outside the adapters in src/cli, src/extension and src/mcp) is one
 * file, dist/engine.cjs, that the editor's features and the MCP server share instead of
 * each carrying a copy. Each engine module they import becomes a stub that takes the
 * module from it; the CLI and the web build stay single files.
 */
const ENGINE_DIRS = ['core', 'rules', 'templates', 'trace', 'translate', 'agents', 'model'];
const ENGINE_FILES = ['api.ts', 'config.ts', 'config-json-schema.ts'];
/** Packages the engine and an adapter (or its SDK) both import: one copy, in the engine file. */
const SHARED_PACKAGES = ['zod', 'zod/v3', 'zod/v4', 'zod/v4-mini', 'zod/v4/core'];
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const engineKey = (file) => path.relative(SRC, file).split(path.sep).join('/');
const isEngine = (file) => file.startsWith(SRC) && (ENGINE_DIRS.some((dir) => engineKey(file).startsWith(`${dir}/`)) || ENGINE_FILES.includes(engineKey(file)));

function engineModules(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return engineModules(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && isEngine(file) ? [file] : [];
  });
}

/** The engine's entry: every engine module's namespace, by its path under src/. */
const engineEntry = {
  name: 'engine-entry',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^engine-entry$/ }, () => ({ path: 'engine-entry', namespace: 'engine-entry' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'engine-entry' }, () => {
      const entries = [...engineModules().map((file) => [engineKey(file), file]), ...SHARED_PACKAGES.map((name) => [`package:${name}`, name])];
      const imports = entries.map(([, from], i) => `import * as m${i} from ${JSON.stringify(from)};`).join('\n');
      // Marked as ES modules, so a default import gets `default`; every module has run by the time the table is built.
      const table = entries.map(([key], i) => `${JSON.stringify(key)}: { __esModule: true, ...m${i} }`).join(',\n');
      return { contents: `${imports}\nexport const modules = {\n${table}\n};\n`, loader: 'js', resolveDir: SRC };
    });
  },
};

/** An adapter's imports of engine modules, taken from dist/engine.cjs at run time. */
const engineFromSharedFile = {
  name: 'engine-from-shared-file',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.namespace !== 'file' || args.pluginData?.engine || isEngine(args.importer)) return undefined;
      const resolved = await pluginBuild.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { engine: true } });
      return resolved.path && isEngine(resolved.path) ? { path: engineKey(resolved.path), namespace: 'engine-module' } : undefined;
    });
    pluginBuild.onResolve({ filter: /^\.\/engine\.cjs$/ }, () => ({ path: './engine.cjs', external: true }));
    pluginBuild.onResolve({ filter: /^zod(?:\/|$)/ }, (args) => (SHARED_PACKAGES.includes(args.path) ? { path: `package:${args.path}`, namespace: 'engine-module' } : undefined));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'engine-module' }, (args) => ({ contents: `module.exports = require('./engine.cjs').modules[${JSON.stringify(args.path)}];`, loader: 'js' }));
  },
};

/** Leaves `import('./features.js')` in extension.ts to load dist/features.cjs at run time. */
const featuresAsSeparateFile = asSeparateFile('./features.js', './features.cjs');
/** The MCP server and its SDK load only for `specwise mcp`: the other commands start as fast as before. */
const mcpAsSeparateFile = asSeparateFile('../mcp/stdio.js', './mcp.cjs');

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.cjs', platform: 'node', supported: { 'dynamic-import': false }, plugins: [withoutZodLocales, mcpAsSeparateFile], define: { ...common.define, SPECWISE_BUNDLE: 'true' } }),
  // The MCP server: a module for `specwise mcp`, and the entry the extension registers with VS Code.
  build({ ...common, entryPoints: ['src/mcp/stdio.ts'], outfile: 'dist/mcp.cjs', platform: 'node', plugins: [withoutZodLocales, engineFromSharedFile] }),
  build({ ...common, entryPoints: ['engine-entry'], outfile: 'dist/engine.cjs', platform: 'node', plugins: [withoutZodLocales, engineEntry] }),
  build({ ...common, entryPoints: ['src/mcp/bin.ts'], outfile: 'dist/mcp-server.cjs', platform: 'node', plugins: [withoutZodLocales, asSeparateFile('./stdio.js', './mcp.cjs')] }),
  // Desktop: a small activation file; the features and the engine are a second file it
  // requires on first use, so VS Code loads and compiles almost nothing to activate.
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.cjs',
    platform: 'node',
    external: ['vscode'],
    supported: { 'dynamic-import': false },
    plugins: [withoutZodLocales, featuresAsSeparateFile],
  }),
  build({ ...common, entryPoints: ['src/extension/features.ts'], outfile: 'dist/features.cjs', platform: 'node', external: ['vscode'], plugins: [withoutZodLocales, engineFromSharedFile] }),
  // vscode.dev and other web hosts: the same extension with no Node built-ins available.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', target: 'es2022', external: ['vscode'], define: { ...common.define, 'process.env.NODE_ENV': '"production"' } }),
]);
