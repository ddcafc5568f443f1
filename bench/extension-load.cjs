// Time for Node to read, compile and evaluate the extension's activation file, as the
// host does before calling activate; `vscode` is a stub with what evaluation touches.
const Module = require('node:module');
const path = require('node:path');
const kind = { append: () => kind };
const stub = { CodeActionKind: { QuickFix: kind, SourceFixAll: kind } };
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const started = performance.now();
require(path.resolve(__dirname, '..', 'dist', 'extension.cjs'));
process.stdout.write(JSON.stringify({ loadMs: performance.now() - started }));
