// Bundles each entry point with esbuild: the CLI for Node, the extension for the VS Code host.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

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
};

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.cjs', platform: 'node', define: { ...common.define, SPECWISE_BUNDLE: 'true' } }),
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', platform: 'node', external: ['vscode'] }),
  // vscode.dev and other web hosts: the same extension with no Node built-ins available.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', target: 'es2022', external: ['vscode'], define: { ...common.define, 'process.env.NODE_ENV': '"production"' } }),
]);
