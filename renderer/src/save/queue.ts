/**
 * The per-field save queue behind autosave. Each field has a key; a change is sent at
 * once when nothing is in flight for that key, otherwise only the latest value waits and
 * goes when the in-flight request returns. There is no debounce: keystroke → request.
 *
 * Structural operations (new turn, delete, …) are tracked here too, so the global
 * indicator says "saving" until every request the user caused has been acknowledged.
 *
 * A value the backend refuses as invalid (`invalid_input`) will be refused again however
 * often it is sent: it is not retried, its key is 'invalid' with a Vietnamese message for
 * the field, and the global indicator names the field. A new value for the key clears it.
 * Inputs may also mark a value they cannot send at all (a malformed date) the same way.
 */
import { errorMessage, isTransient, refusalMessage } from '../api/errors';
import { vi } from '../i18n/vi';
import { setKeepalive } from '../api/transport';
import { withSaveKey } from '../api/outbox';

export type Sender = () => Promise<unknown>;
export type KeyState = 'saved' | 'pending' | 'error' | 'invalid';

/** Who a key is for the secretary ("Hạn giải quyết"), to name it when it is refused. */
export interface SaveOptions {
  label?: string;
}

interface Entry {
  inFlight: boolean;
  /** The latest value not yet sent (only one is ever kept). */
  next: Sender | null;
  /** The value that failed and waits for a retry. */
  failed: Sender | null;
  state: KeyState;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** The field's label, as the secretary sees it. */
  label: string | null;
  /** Why the value is refused for good (state 'invalid'), in Vietnamese. */
  problem: string | null;
  /** The problem was found by the input itself, before sending. */
  local: boolean;
}

export interface GlobalSaveState {
  state: 'saved' | 'saving' | 'error';
  lastSavedAt: Date | null;
  error: string | null;
  /** The label of a field whose value is refused for good (fix it there; retrying is useless). */
  refusedField: string | null;
  /** Something failed that a retry may send. */
  retryable: boolean;
}

const entries = new Map<string, Entry>();
const keyListeners = new Map<string, Set<() => void>>();
const globalListeners = new Set<() => void>();
const ignoredPrefixes = new Set<string>();
const unloadHooks = new Set<() => void>();
let operations = 0;
let operationError: string | null = null;
let lastError: string | null = null;
let lastSavedAt: Date | null = null;
const EMPTY: GlobalSaveState = { state: 'saved', lastSavedAt: null, error: null, refusedField: null, retryable: false };
let globalSnapshot: GlobalSaveState = EMPTY;
let idleWaiters: Array<() => void> = [];

function isIgnored(key: string): boolean {
  for (const prefix of ignoredPrefixes) if (key.startsWith(prefix)) return true;
  return false;
}

function entry(key: string): Entry {
  let e = entries.get(key);
  if (!e) {
    e = { inFlight: false, next: null, failed: null, state: 'saved', attempts: 0, timer: null, label: null, problem: null, local: false };
    entries.set(key, e);
  }
  return e;
}

function computeGlobal(): GlobalSaveState {
  let pending = operations > 0;
  let error = operationError !== null;
  let retryable = operationError !== null;
  let refused: Entry | null = null;
  for (const [key, e] of entries) {
    if (isIgnored(key)) continue;
    if (e.state === 'error') {
      error = true;
      retryable = true;
    } else if (e.state === 'invalid') refused ??= e;
    else if (e.state === 'pending') pending = true;
  }
  if (refused && !error) {
    const label = refused.label ?? vi.typing.notSaved;
    return { state: 'error', lastSavedAt, error: refused.problem, refusedField: label, retryable: false };
  }
  const state = error ? 'error' : pending ? 'saving' : 'saved';
  return { state, lastSavedAt, error: error ? (operationError ?? lastError) : null, refusedField: refused?.label ?? null, retryable };
}

function notify(key: string | null): void {
  if (key !== null) keyListeners.get(key)?.forEach((l) => l());
  const next = computeGlobal();
  if (
    next.state !== globalSnapshot.state ||
    next.lastSavedAt !== globalSnapshot.lastSavedAt ||
    next.error !== globalSnapshot.error ||
    next.refusedField !== globalSnapshot.refusedField ||
    next.retryable !== globalSnapshot.retryable
  ) {
    globalSnapshot = next;
    globalListeners.forEach((l) => l());
  }
  if (next.state === 'saved' && idleWaiters.length > 0) {
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }
}

function setState(key: string, e: Entry, state: KeyState): void {
  if (e.state === state) return;
  e.state = state;
  notify(key);
}

async function run(key: string, e: Entry, sender: Sender): Promise<void> {
  e.inFlight = true;
  e.next = null;
  e.failed = null;
  e.problem = null;
  e.local = false;
  setState(key, e, 'pending');
  let ok = false;
  let error: unknown = null;
  try {
    await withSaveKey(key, sender);
    ok = true;
  } catch (err) {
    error = err;
  }
  e.inFlight = false;
  if (isIgnored(key)) {
    entries.delete(key);
    notify(key);
    return;
  }
  if (e.next) {
    // A newer value supersedes whatever happened to this one.
    const next = e.next;
    void run(key, e, next);
    return;
  }
  if (ok) {
    e.attempts = 0;
    lastSavedAt = new Date();
    e.state = 'saved';
    if (!keyListeners.get(key)?.size) entries.delete(key);
    notify(key);
    return;
  }
  const refusal = refusalMessage(error);
  if (refusal !== null) {
    // Sending it again would be refused again: keep it on screen, marked, until changed.
    e.attempts = 0;
    e.problem = refusal;
    e.state = 'invalid';
    notify(key);
    return;
  }
  e.failed = sender;
  e.attempts += 1;
  lastError = errorMessage(error);
  e.state = 'error';
  notify(key);
  if (isTransient(error)) {
    const delay = Math.min(200 * 2 ** (e.attempts - 1), 4000);
    e.timer = setTimeout(() => {
      e.timer = null;
      if (e.failed && !e.inFlight) void run(key, e, e.failed);
    }, delay);
  }
}

/** Queues the latest value of one field; sends at once if nothing is in flight for it. */
export function pushSave(key: string, sender: Sender, options: SaveOptions = {}): void {
  if (isIgnored(key)) return;
  const e = entry(key);
  if (options.label) e.label = options.label;
  if (e.timer) {
    clearTimeout(e.timer);
    e.timer = null;
  }
  if (e.inFlight) {
    e.next = sender;
    setState(key, e, 'pending');
    return;
  }
  void run(key, e, sender);
}

/**
 * An input found its value cannot be sent as typed (`problem`), or no longer (null). The
 * key then counts as refused: the indicator names the field and leaving the screen warns.
 */
export function setLocalProblem(key: string, problem: string | null, options: SaveOptions = {}): void {
  if (isIgnored(key)) return;
  const e = problem !== null ? entry(key) : entries.get(key);
  if (!e) return;
  if (options.label) e.label = options.label;
  if (problem !== null) {
    if (e.inFlight || e.next) return; // a value is on its way; its answer decides
    e.problem = problem;
    e.local = true;
    e.state = 'invalid';
    notify(key);
  } else if (e.local) {
    e.problem = null;
    e.local = false;
    e.state = 'saved';
    if (!keyListeners.get(key)?.size) entries.delete(key);
    notify(key);
  }
}

/** The input of a refused value is gone (the secretary left, knowing): forget the refusal. */
export function dropProblem(key: string): void {
  const e = entries.get(key);
  if (!e || e.state !== 'invalid' || e.inFlight) return;
  entries.delete(key);
  notify(key);
}

/** She chose to leave the screen without fixing them: every refused value is given up. */
export function discardRefused(): void {
  for (const [key, e] of entries) {
    if (e.state === 'invalid' && !e.inFlight) {
      entries.delete(key);
      keyListeners.get(key)?.forEach((l) => l());
    }
  }
  notify(null);
}

/** Why this key's value is refused (state 'invalid'), else null. */
export function keyProblem(key: string): string | null {
  const e = entries.get(key);
  if (!e || isIgnored(key) || e.state !== 'invalid') return null;
  return e.problem;
}

/**
 * Input the secretary typed that is not in the database and will never get there by
 * itself: values refused by the backend or held back by their input (malformed). Values
 * waiting for an unreachable host are not counted: they are retried, and sent with
 * keepalive when the page goes. Null when there is none; else the first one's label.
 */
export function unsavedInput(): { label: string } | null {
  for (const [key, e] of entries) {
    if (isIgnored(key)) continue;
    if (e.state === 'invalid') return { label: e.label ?? vi.typing.notSaved };
  }
  return null;
}

/** Retries every failed save now (the "Thử lại" button). */
export function retryAll(): void {
  operationError = null;
  for (const [key, e] of entries) {
    if (e.failed && !e.inFlight) {
      if (e.timer) clearTimeout(e.timer);
      e.timer = null;
      e.attempts = 0;
      void run(key, e, e.failed);
    }
  }
  notify(null);
}

/**
 * Forgets every save of an item that was just deleted: later answers for it (not found)
 * are not errors. `unignore` undoes this when the item is restored.
 */
export function ignorePrefix(prefix: string): void {
  ignoredPrefixes.add(prefix);
  for (const [key, e] of entries) {
    if (!key.startsWith(prefix)) continue;
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
    e.next = null;
    e.failed = null;
    if (!e.inFlight) entries.delete(key);
    keyListeners.get(key)?.forEach((l) => l());
  }
  notify(null);
}

export function unignorePrefix(prefix: string): void {
  ignoredPrefixes.delete(prefix);
}

/** Resolves when nothing with this key prefix is in flight or waiting. */
export async function whenKeysIdle(prefix: string): Promise<void> {
  for (;;) {
    let busy = false;
    for (const [key, e] of entries) if (key.startsWith(prefix) && (e.inFlight || e.next)) busy = true;
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Resolves when every save and operation has been acknowledged (or failed for good). */
export function whenIdle(): Promise<void> {
  if (computeGlobal().state !== 'saving') return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/**
 * Runs a structural operation (create, delete, restore…) under the global indicator.
 * Its failure shows in the indicator; the promise still rejects for the caller.
 */
export async function track<T>(operation: () => Promise<T>): Promise<T> {
  operations += 1;
  operationError = null;
  notify(null);
  try {
    const value = await operation();
    lastSavedAt = new Date();
    return value;
  } catch (error) {
    operationError = errorMessage(error);
    throw error;
  } finally {
    operations -= 1;
    notify(null);
  }
}

/** Clears a shown operation error (the user dismissed it or acted again). */
export function clearOperationError(): void {
  operationError = null;
  notify(null);
}

export function keyState(key: string): KeyState {
  const e = entries.get(key);
  if (!e || isIgnored(key)) return 'saved';
  return e.state;
}

export function subscribeKey(key: string, listener: () => void): () => void {
  let set = keyListeners.get(key);
  if (!set) {
    set = new Set();
    keyListeners.set(key, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) {
      keyListeners.delete(key);
      const e = entries.get(key);
      if (e && e.state === 'saved' && !e.inFlight) entries.delete(key);
    }
  };
}

export function globalState(): GlobalSaveState {
  return globalSnapshot;
}

export function subscribeGlobal(listener: () => void): () => void {
  globalListeners.add(listener);
  return () => globalListeners.delete(listener);
}

/** Inputs mid-composition register here so that leaving the page still sends their text. */
export function addUnloadHook(hook: () => void): () => void {
  unloadHooks.add(hook);
  return () => unloadHooks.delete(hook);
}

/**
 * The page is going away: send every value still waiting, with keepalive so that the
 * requests survive the page. Values behind an in-flight request go now rather than never.
 */
export function flushForUnload(): void {
  setKeepalive(true);
  for (const hook of [...unloadHooks]) hook();
  for (const [key, e] of entries) {
    const sender = e.next ?? e.failed;
    if (!sender || isIgnored(key)) continue;
    e.next = null;
    e.failed = null;
    void withSaveKey(key, sender).catch(() => undefined);
  }
}

/**
 * Closing or reloading with refused or malformed input asks first (the browser's own
 * question; the Electron shell shows a Vietnamese one). Otherwise values still waiting go
 * now, as before.
 */
function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (unsavedInput()) {
    event.preventDefault();
    event.returnValue = '';
    return;
  }
  flushForUnload();
}

export function installUnloadFlush(): void {
  window.addEventListener('pagehide', flushForUnload);
  window.addEventListener('beforeunload', onBeforeUnload);
  // The page may come back from the back/forward cache: requests go normally again.
  window.addEventListener('pageshow', () => setKeepalive(false));
}

/** For tests of the queue. */
export function resetQueueForTests(): void {
  for (const e of entries.values()) if (e.timer) clearTimeout(e.timer);
  entries.clear();
  keyListeners.clear();
  globalListeners.clear();
  ignoredPrefixes.clear();
  unloadHooks.clear();
  operations = 0;
  operationError = null;
  lastError = null;
  lastSavedAt = null;
  globalSnapshot = EMPTY;
  idleWaiters = [];
}
