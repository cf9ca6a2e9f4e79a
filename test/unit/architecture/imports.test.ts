// The import graph of electron/, renderer/src and shared/ has no cycle and no arrow the
// layering policy forbids. Type imports count (a type import still ties two files together
// for a reader); declaration files (.d.ts) do not. The policy is eslint-rules/layers.js,
// judged by the same functions as the lint rule, so the two checks agree; the arrows and
// why are in docs/. The graph comes from dependency-cruiser (MIT, maintained), whose
// tsPreCompilationDeps mode reads the TypeScript before type imports are erased.
import path from 'node:path';
import { cruise, type IModule } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { layersFor, localViolation, packageName, packageViolation } from '../../../eslint-rules/code-layering.js';
import { LAYERS } from '../../../eslint-rules/layers.js';

const root = path.resolve(__dirname, '../../..');
const ROOTS = ['electron/', 'renderer/src/', 'shared/'];

interface Graph {
  /** File → the files it imports, both in ROOTS. */
  edges: Map<string, Set<string>>;
  /** "from -> to" for every import the policy forbids, with the reason. */
  forbidden: Map<string, string>;
  /** Local imports dependency-cruiser could not resolve ("from -> specifier"). */
  unresolved: string[];
  /** "from -> to" for the local imports that bring types only (import type, import { type X }). */
  typeOnly: Set<string>;
}

const inRoots = (file: string) => ROOTS.some((r) => file.startsWith(r)) && !file.endsWith('.d.ts');

async function importGraph(): Promise<Graph> {
  const result = await cruise(ROOTS, {
    baseDir: root,
    tsPreCompilationDeps: true,
    exclude: { path: '\\.d\\.ts$' },
    doNotFollow: { path: 'node_modules' },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a graph');
  const edges = new Map<string, Set<string>>();
  const forbidden = new Map<string, string>();
  const unresolved: string[] = [];
  const typeOnly = new Set<string>();
  const modules = result.output.modules.filter((m: IModule) => inRoots(m.source));
  for (const m of modules) edges.set(m.source, new Set());
  for (const m of modules) {
    const layers = layersFor(LAYERS, m.source);
    for (const dep of m.dependencies) {
      const local = dep.module.startsWith('.');
      if (local && dep.couldNotResolve) {
        unresolved.push(`${m.source} -> ${dep.module}`);
        continue;
      }
      if (local) {
        if (dep.resolved !== m.source && edges.has(dep.resolved)) edges.get(m.source)!.add(dep.resolved);
        if (dep.dependencyTypes.includes('type-only')) typeOnly.add(`${m.source} -> ${dep.resolved}`);
        const reason = localViolation(layers, dep.resolved);
        if (reason) forbidden.set(`${m.source} -> ${dep.resolved}`, reason);
      } else {
        const reason = packageViolation(layers, packageName(dep.module));
        if (reason) forbidden.set(`${m.source} -> ${dep.module}`, reason);
      }
    }
  }
  return { edges, forbidden, unresolved, typeOnly };
}

/** Strongly connected components of more than one file (Tarjan): each holds at least one cycle. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One concrete loop through the component, shortest from its first file, to show in a failure. */
function loopIn(component: string[], edges: Map<string, Set<string>>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(edges.get(v) ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === start) {
        const loop = [v];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0]!)!);
        return [...loop, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

/** The folder a file belongs to for the cycle check: electron/<x>/, renderer/src/, shared/. */
function folderOf(file: string): string {
  const [top, sub] = file.split('/');
  return top === 'electron' && file.split('/').length > 2 ? `electron/${sub}/` : top === 'renderer' ? 'renderer/src/' : `${top}/`;
}

/** Only the imports between files of one folder. */
function within(edges: Map<string, Set<string>>, folder: string): Map<string, Set<string>> {
  const inside = (f: string) => folderOf(f) === folder;
  return new Map([...edges].filter(([f]) => inside(f)).map(([f, to]) => [f, new Set([...to].filter(inside))]));
}

const key = (files: string[]) => files.join(' ');

describe('the import graph (electron/, renderer/src, shared/)', async () => {
  const graph = await importGraph();
  // The cycles of the whole graph, and those inside each folder: a large known cycle
  // across folders would otherwise hide a new one inside, say, services/.
  const folders = new Set([...graph.edges.keys()].map(folderOf));
  const found = [...new Map([graph.edges, ...[...folders].map((f) => within(graph.edges, f))].flatMap(cycles).map((c) => [key(c), c])).values()];

  it('is read whole: it has the files, and every local import resolves', () => {
    expect(graph.edges.size).toBeGreaterThan(100);
    expect(graph.edges.has('electron/backend.ts')).toBe(true);
    expect(graph.unresolved).toEqual([]);
  });

  it('knows the folders', () => {
    expect(folderOf('electron/services/turns.ts')).toBe('electron/services/');
    expect(folderOf('electron/backend.ts')).toBe('electron/');
    expect(folderOf('renderer/src/store/app.ts')).toBe('renderer/src/');
    expect(folderOf('shared/api/types.ts')).toBe('shared/');
  });

  it('sees type imports: they are edges like the others', () => {
    expect(graph.typeOnly.size).toBeGreaterThan(50);
    for (const arrow of graph.typeOnly) {
      const [from, to] = arrow.split(' -> ') as [string, string];
      if (graph.edges.has(to)) expect(graph.edges.get(from)?.has(to), arrow).toBe(true);
    }
  });

  it('has no import cycle', () => {
    const message = found
      .map((c) => `cycle of ${c.length} files:\n  ${c.join('\n  ')}\n  for example: ${loopIn(c, graph.edges).join(' -> ')}`)
      .join('\n');
    if (found.length > 0) throw new Error(`import cycles (type imports count):\n${message}`);
  });

  it('has no forbidden arrow', () => {
    const fresh = [...graph.forbidden].map(([arrow, reason]) => `${arrow}: ${reason}`);
    if (fresh.length > 0) throw new Error(`forbidden imports (type imports count):\n  ${fresh.join('\n  ')}`);
  });
});
