/** App-wide state: where we are, the own unit, the field list, the undo toast. */
import { create } from 'zustand';
import type { Field, Unit } from '../../../shared/api/types';

export type Route =
  | { name: 'list' }
  | { name: 'prepare'; id: string }
  | { name: 'live'; id: string }
  | { name: 'documents'; id: string }
  | { name: 'settings' }
  | { name: 'overview' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  let m = /^\/hoi-nghi\/([0-9a-f-]{36})\/truc-tiep$/.exec(path);
  if (m) return { name: 'live', id: m[1]! };
  m = /^\/hoi-nghi\/([0-9a-f-]{36})\/van-ban$/.exec(path);
  if (m) return { name: 'documents', id: m[1]! };
  m = /^\/hoi-nghi\/([0-9a-f-]{36})$/.exec(path);
  if (m) return { name: 'prepare', id: m[1]! };
  if (path === '/cai-dat') return { name: 'settings' };
  if (path === '/tong-hop') return { name: 'overview' };
  return { name: 'list' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'list':
      return '#/';
    case 'prepare':
      return `#/hoi-nghi/${route.id}`;
    case 'live':
      return `#/hoi-nghi/${route.id}/truc-tiep`;
    case 'documents':
      return `#/hoi-nghi/${route.id}/van-ban`;
    case 'settings':
      return '#/cai-dat';
    case 'overview':
      return '#/tong-hop';
  }
}

export interface UndoItem {
  id: number;
  message: string;
  undo: () => Promise<void>;
}

export interface Notice {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

interface AppState {
  ready: boolean;
  fatal: string | null;
  unit: Unit | null;
  fields: Field[];
  route: Route;
  undoStack: UndoItem[];
  notice: Notice | null;
}

export const useApp = create<AppState>(() => ({
  ready: false,
  fatal: null,
  unit: null,
  fields: [],
  route: parseRoute(window.location.hash),
  undoStack: [],
  notice: null,
}));

let seq = 0;

/** Goes to a screen; `replace` when the current address should not stay in history. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) {
    if (options.replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
  }
  useApp.setState({ route });
}

export function pushUndo(message: string, undo: () => Promise<void>): void {
  seq += 1;
  const item = { id: seq, message, undo };
  useApp.setState((s) => ({ undoStack: [...s.undoStack.slice(-19), item], notice: null }));
}

export function dropUndo(id: number): void {
  useApp.setState((s) => ({ undoStack: s.undoStack.filter((u) => u.id !== id) }));
}

export function showNotice(message: string, kind: Notice['kind'] = 'info'): void {
  seq += 1;
  useApp.setState({ notice: { id: seq, message, kind } });
}
