// Lets mocha load TypeScript test files directly: esbuild transpiles each .ts file on require
// (type checking is `npm run typecheck`'s job). Keeps unit tests free of a build step.
const { transformSync } = require('esbuild');
const fs = require('node:fs');
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename });
  module._compile(code, filename);
};
