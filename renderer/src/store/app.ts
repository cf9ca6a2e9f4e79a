/** App-wide state: where we are, the own unit, the field list, the undo toast. */
import { create } from 'zustand';
import type { Field, Unit } from '../../../shared/api/types';
import { discardRefused, unsavedInput } from '../save/queue';

export type Route =
  | { name: 'list' }
  | { name: 'prepare'; id: string }
  | { name: 'live'; id: string }
  | { name: 'documents'; id: string }
  | { name: 'settings' }
  | { name: 'overview' }
  | { name: 'followup' };

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
  if (path === '/theo-doi') return { name: 'followup' };
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
    case 'followup':
      return '#/theo-doi';
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
  /** A screen change waiting for the secretary's answer: typed input would be lost. */
  leave: LeaveRequest | null;
}

export interface LeaveRequest {
  route: Route;
  replace: boolean;
  /** The field whose input would be lost, as she sees it. */
  label: string;
}

export const useApp = create<AppState>(() => ({
  ready: false,
  fatal: null,
  unit: null,
  fields: [],
  route: parseRoute(window.location.hash),
  undoStack: [],
  notice: null,
  leave: null,
}));

let seq = 0;

/**
 * Goes to a screen; `replace` when the current address should not stay in history.
 * When a value she typed is refused or cannot be sent (it lives only in its box), she is
 * asked first (`leave`); `force` is her answer "leave anyway".
 */
export function navigate(route: Route, options: { replace?: boolean; force?: boolean } = {}): void {
  const current = useApp.getState().route;
  if (!options.force && routeHash(route) !== routeHash(current)) {
    const unsaved = unsavedInput();
    if (unsaved) {
      useApp.setState({ leave: { route, replace: options.replace ?? false, label: unsaved.label } });
      return;
    }
  }
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

/** The address changed under us (back/forward, a typed hash): the same guard as `navigate`. */
export function followAddress(hash: string): void {
  const route = parseRoute(hash);
  const current = useApp.getState().route;
  if (routeHash(route) === routeHash(current)) return;
  const unsaved = unsavedInput();
  if (unsaved) {
    // Stay on this screen's address until she answers.
    window.history.pushState(null, '', routeHash(current));
    useApp.setState({ leave: { route, replace: false, label: unsaved.label } });
    return;
  }
  useApp.setState({ route });
}

/** "Vẫn rời đi": the refused input is given up and the screen changes. */
export function confirmLeave(): void {
  const leave = useApp.getState().leave;
  useApp.setState({ leave: null });
  if (!leave) return;
  discardRefused();
  navigate(leave.route, { replace: leave.replace, force: true });
}

/** "Ở lại để sửa": back to the first marked field. */
export function cancelLeave(): void {
  useApp.setState({ leave: null });
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
