// @ts-check
// The project's own ESLint plugin ("local/…" in eslint.config.js).
import codeLayering from './code-layering.js';

export default {
  meta: { name: 'doithoai-local' },
  rules: { 'code-layering': codeLayering },
};
