// @ts-check
// Layering, after VS Code's `.eslint-plugin-local/code-layering.ts`: each folder is a
// layer, and a value import that crosses into a layer it must not know is an error.
// `import type` (and `import { type X }`, `export type … from`) may cross: types vanish
// at build time and carry no runtime dependency.
//
// Options: { root?: string, layers: Layer[] } where a Layer is
//   { from: string[], except?: string[],            files it governs (posix prefixes from root)
//     allow?: string[], deny?: string[],             local imports: only into / never into
//     packages?: { allow?: string[], deny?: string[] },  bare imports (node builtins included)
//     reason?: string }                              said in the message
// Every layer whose `from` covers the file applies.
import path from 'node:path';

/** @param {string} p */
const toPosix = (p) => p.split(path.sep).join('/');

/** True when `rel` is the folder `prefix` (ending in '/') or inside it. */
const within = (/** @type {string} */ rel, /** @type {string} */ prefix) => `${rel}/`.startsWith(prefix) || rel.startsWith(prefix);

/** 'electron/main' → 'electron', '@scope/pkg/x' → '@scope/pkg', 'node:fs' → 'node:fs'. */
export function packageName(/** @type {string} */ spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports flowing the right way between the layers (shared, renderer, electron/…)' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                allow: { type: 'array', items: { type: 'string' } },
                deny: { type: 'array', items: { type: 'string' } },
                packages: {
                  type: 'object',
                  properties: {
                    allow: { type: 'array', items: { type: 'string' } },
                    deny: { type: 'array', items: { type: 'string' } },
                  },
                  additionalProperties: false,
                },
                reason: { type: 'string' },
              },
              required: ['from'],
              additionalProperties: false,
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      local: "'{{source}}' ({{target}}) may not be imported from {{file}}: {{reason}}. Use `import type` if only types are needed.",
      package: "The package '{{name}}' may not be imported from {{file}}: {{reason}}. Use `import type` if only types are needed.",
    },
  },
  create(context) {
    const options = context.options[0] ?? { layers: [] };
    const root = path.resolve(options.root ?? context.cwd);
    const fileRel = toPosix(path.relative(root, context.filename));
    if (fileRel.startsWith('..') || path.isAbsolute(fileRel)) return {};
    /** @type {Array<any>} */
    const layers = options.layers.filter(
      (/** @type {any} */ layer) =>
        layer.from.some((/** @type {string} */ p) => within(fileRel, p)) &&
        !(layer.except ?? []).some((/** @type {string} */ p) => within(fileRel, p)),
    );
    if (layers.length === 0) return {};

    /** @param {import('estree').Node} node @param {string} source */
    function check(node, source) {
      if (source.startsWith('.') || path.isAbsolute(source)) {
        const target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), source)));
        for (const layer of layers) {
          const reason = layer.reason ?? 'crosses a layer boundary';
          const denied =
            (layer.allow && !layer.allow.some((/** @type {string} */ p) => within(target, p))) ||
            (layer.deny ?? []).some((/** @type {string} */ p) => within(target, p));
          if (denied) {
            context.report({ node, messageId: 'local', data: { source, target, file: fileRel, reason } });
            return;
          }
        }
        return;
      }
      const name = packageName(source);
      for (const layer of layers) {
        const reason = layer.reason ?? 'crosses a layer boundary';
        const pkgs = layer.packages;
        if (!pkgs) continue;
        const denied = (pkgs.allow && !pkgs.allow.includes(name)) || (pkgs.deny ?? []).includes(name);
        if (denied) {
          context.report({ node, messageId: 'package', data: { name, file: fileRel, reason } });
          return;
        }
      }
    }

    /** True when every specifier is `type`, so the import disappears at build time. */
    const onlyTypes = (/** @type {any} */ node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 &&
        node.specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type'));

    return {
      ImportDeclaration(node) {
        if (!onlyTypes(node)) check(node, String(node.source.value));
      },
      ExportNamedDeclaration(node) {
        if (node.source && !onlyTypes(node)) check(node, String(node.source.value));
      },
      ExportAllDeclaration(node) {
        if (!onlyTypes(node)) check(node, String(node.source.value));
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value);
      },
      CallExpression(node) {
        const [arg] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments.length === 1 &&
          arg?.type === 'Literal' &&
          typeof arg.value === 'string'
        ) {
          check(node, arg.value);
        }
      },
    };
  },
};

export default rule;
