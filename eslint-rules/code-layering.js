// @ts-check
// Layering, after VS Code's `.eslint-plugin-local/code-layering.ts`: each folder is a
// layer, and an import that crosses into a layer it must not know is an error. Type
// imports count too (`import type`, `import { type X }`, `export type … from`,
// `import('x').T`): they vanish at build time, but they still tie the two files together
// for a reader, and they are how import cycles come back.
//
// Options: { root?: string, layers: Layer[] } where a Layer is
//   { from: string[], except?: string[],            files it governs (posix paths from root)
//     allow?: string[], deny?: string[],             local imports: only into / never into
//     packages?: { allow?: string[], deny?: string[] },  bare imports (node builtins included)
//     reason?: string }                              said in the message
// A path ending in '/' is a folder; any other path is one file, written with its
// extension ('electron/backend.ts') and matched whatever extension the import spells.
// Every layer whose `from` covers the file applies. test/unit/architecture/imports.test.ts
// applies the same judgement (layersFor, localViolation, packageViolation) to the whole
// import graph, so the lint rule and the test agree.
import path from 'node:path';

/** @param {string} p */
const toPosix = (p) => p.split(path.sep).join('/');

const SOURCE_EXTENSION = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** True when `rel` is the folder `entry` (ending in '/') or inside it, or is the file `entry`. */
function within(/** @type {string} */ rel, /** @type {string} */ entry) {
  if (entry.endsWith('/')) return `${rel}/`.startsWith(entry);
  const file = entry.replace(SOURCE_EXTENSION, '');
  const bare = rel.replace(SOURCE_EXTENSION, '');
  return bare === file;
}

/** 'electron/main' → 'electron', '@scope/pkg/x' → '@scope/pkg', 'node:fs' → 'node:fs'. */
export function packageName(/** @type {string} */ spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/**
 * @typedef {{ from: string[], except?: string[], allow?: string[], deny?: string[],
 *   packages?: { allow?: string[], deny?: string[] }, reason?: string }} Layer
 */

/** The layers that govern the file `fileRel` (posix, from the root). */
export function layersFor(/** @type {Layer[]} */ layers, /** @type {string} */ fileRel) {
  return layers.filter(
    (layer) => layer.from.some((p) => within(fileRel, p)) && !(layer.except ?? []).some((p) => within(fileRel, p)),
  );
}

/** Why importing the local file `targetRel` breaks one of `layers`, or undefined when it may. */
export function localViolation(/** @type {Layer[]} */ layers, /** @type {string} */ targetRel) {
  for (const layer of layers) {
    const denied =
      (layer.allow && !layer.allow.some((p) => within(targetRel, p))) || (layer.deny ?? []).some((p) => within(targetRel, p));
    if (denied) return layer.reason ?? 'crosses a layer boundary';
  }
  return undefined;
}

/** Why importing the package `name` breaks one of `layers`, or undefined when it may. */
export function packageViolation(/** @type {Layer[]} */ layers, /** @type {string} */ name) {
  for (const layer of layers) {
    const pkgs = layer.packages;
    if (!pkgs) continue;
    if ((pkgs.allow && !pkgs.allow.includes(name)) || (pkgs.deny ?? []).includes(name)) return layer.reason ?? 'crosses a layer boundary';
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports flowing the right way between the layers (shared, renderer, electron/…), type imports included' },
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
      local: "'{{source}}' ({{target}}) may not be imported from {{file}}, not even as a type: {{reason}}.",
      package: "The package '{{name}}' may not be imported from {{file}}, not even as a type: {{reason}}.",
    },
  },
  create(context) {
    const options = context.options[0] ?? { layers: [] };
    const root = path.resolve(options.root ?? context.cwd);
    const fileRel = toPosix(path.relative(root, context.filename));
    if (fileRel.startsWith('..') || path.isAbsolute(fileRel)) return {};
    const layers = layersFor(options.layers, fileRel);
    if (layers.length === 0) return {};

    /** @param {import('estree').Node} node @param {string} source */
    function check(node, source) {
      if (source.startsWith('.') || path.isAbsolute(source)) {
        const target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), source)));
        const reason = localViolation(layers, target);
        if (reason) context.report({ node, messageId: 'local', data: { source, target, file: fileRel, reason } });
        return;
      }
      const name = packageName(source);
      const reason = packageViolation(layers, name);
      if (reason) context.report({ node, messageId: 'package', data: { name, file: fileRel, reason } });
    }

    /** @param {any} literal */
    const checkLiteral = (/** @type {any} */ node, literal) => {
      if (literal?.type === 'Literal' && typeof literal.value === 'string') check(node, literal.value);
    };

    return {
      ImportDeclaration(node) {
        check(node, String(node.source.value));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, String(node.source.value));
      },
      ExportAllDeclaration(node) {
        check(node, String(node.source.value));
      },
      ImportExpression(node) {
        checkLiteral(node, node.source);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          checkLiteral(node, node.arguments[0]);
        }
      },
      // TypeScript's own forms, which ESTree does not name: `import('x').T` in a type
      // position, and `import x = require('x')`.
      /** @param {any} node */
      TSImportType(node) {
        checkLiteral(node, node.source ?? node.argument?.literal);
      },
      /** @param {any} node */
      TSExternalModuleReference(node) {
        checkLiteral(node, node.expression);
      },
    };
  },
};

export default rule;
