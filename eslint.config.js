// ESLint flat config: JS and typescript-eslint recommended everywhere (React .tsx
// included), plus the project's layering rule (eslint-rules/code-layering.js), which
// keeps imports, type imports included, flowing one way as docs/architecture.md
// describes; the policy itself is eslint-rules/layers.js.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/index.js';
import { LAYERS } from './eslint-rules/layers.js';

// Plain JS here runs under Node; only what it uses is listed (no `globals` package needed).
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'structuredClone', 'fetch'].map(
    (name) => [name, 'readonly'],
  ),
);

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'release/', 'build/', 'coverage/', 'test-results/', '**/*.d.ts.map'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { local },
    rules: {
      'local/code-layering': ['error', { layers: LAYERS }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
