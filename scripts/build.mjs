// Bundles each entry point with esbuild: the CLI for Node, the extension for the VS Code host.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

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

/** Leaves `import('./features.js')` in extension.ts to load dist/features.cjs at run time. */
const featuresAsSeparateFile = asSeparateFile('./features.js', './features.cjs');
/** The MCP server and its SDK load only for `specwise mcp`: the other commands start as fast as before. */
const mcpAsSeparateFile = asSeparateFile('../mcp/stdio.js', './mcp.cjs');

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.cjs', platform: 'node', supported: { 'dynamic-import': false }, plugins: [withoutZodLocales, mcpAsSeparateFile], define: { ...common.define, SPECWISE_BUNDLE: 'true' } }),
  // The MCP server: a module for `specwise mcp`, and the entry the extension registers with VS Code.
  build({ ...common, entryPoints: ['src/mcp/stdio.ts'], outfile: 'dist/mcp.cjs', platform: 'node' }),
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
  build({ ...common, entryPoints: ['src/extension/features.ts'], outfile: 'dist/features.cjs', platform: 'node', external: ['vscode'] }),
  // vscode.dev and other web hosts: the same extension with no Node built-ins available.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', target: 'es2022', external: ['vscode'], define: { ...common.define, 'process.env.NODE_ENV': '"production"' } }),
]);
