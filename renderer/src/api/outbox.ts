/**
 * Saves the host has not acknowledged, kept in this tab's sessionStorage until it answers.
 * The browser host can die while the secretary types; if she then reloads the page (F5),
 * the save queue that held her text is gone with the old page. The outbox keeps the latest
 * request of each save key (only the latest: an older value must never be replayed over a
 * newer one) and the new page sends them again before it shows anything (save/persist.ts).
 *
 * sessionStorage rather than localStorage: it belongs to this tab and survives its
 * reloads, so a second tab on the same address can never replay this tab's old values
 * over what was typed there since. The storage is per origin, which is why the host keeps
 * the same port across restarts (electron/hosts/web/address.ts).
 */
const STORE_KEY = 'doithoai.unsent';

export interface OutboxEntry {
  method: string;
  input: unknown;
  /** Which request of this key it is: only its own answer may remove it. */
  id: string;
  /** When it was first recorded (ms), to resend in the order it was typed. */
  at: number;
}

let currentKey: string | null = null;
let counter = 0;

/**
 * Runs a save queue sender with its key known to the transport. The sender calls the API
 * synchronously (the request starts before its first await), which is when the transport
 * reads the key.
 */
export function withSaveKey<T>(key: string, sender: () => T): T {
  const previous = currentKey;
  currentKey = key;
  try {
    return sender();
  } finally {
    currentKey = previous;
  }
}

export function currentSaveKey(): string | null {
  return currentKey;
}

export function readOutbox(): Record<string, OutboxEntry> {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    if (!raw) return {};
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const entries: Record<string, OutboxEntry> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, Partial<OutboxEntry>>)) {
      if (value && typeof value.method === 'string' && typeof value.id === 'string' && typeof value.at === 'number' && 'input' in value) {
        entries[key] = { method: value.method, input: value.input, id: value.id, at: value.at };
      }
    }
    return entries;
  } catch {
    return {};
  }
}

function writeOutbox(entries: Record<string, OutboxEntry>): void {
  try {
    if (Object.keys(entries).length === 0) sessionStorage.removeItem(STORE_KEY);
    else sessionStorage.setItem(STORE_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or disabled: the live queue still retries; only a reload would lose it.
  }
}

/**
 * The outbox as this page knows it. Only this module writes it and the storage belongs to
 * this tab, so it is parsed once per storage rather than at every keystroke's save.
 */
let cache: { store: Storage; entries: Record<string, OutboxEntry> } | null = null;
function current(): Record<string, OutboxEntry> {
  let store: Storage;
  try {
    store = sessionStorage;
  } catch {
    return {};
  }
  if (!cache || cache.store !== store) cache = { store, entries: readOutbox() };
  return cache.entries;
}

/** Records a request about to be sent for `key`; returns its id. */
export function recordSend(key: string, method: string, input: unknown): string {
  const entries = current();
  const id = `${Date.now().toString(36)}-${(counter++).toString(36)}`;
  entries[key] = { method, input, id, at: entries[key]?.at ?? Date.now() };
  writeOutbox(entries);
  return id;
}

/** The host answered this request (accepted or refused it): it is no longer unsent. */
export function recordAnswer(key: string, id: string): void {
  const entries = current();
  if (entries[key]?.id !== id) return; // a newer value of the key is waiting: keep it
  delete entries[key];
  writeOutbox(entries);
}

/** Removes and returns everything unsent, oldest first. */
export function takeOutbox(): Array<[string, OutboxEntry]> {
  const entries = current();
  const taken = Object.entries(entries).sort((a, b) => a[1].at - b[1].at);
  for (const [key] of taken) delete entries[key];
  writeOutbox(entries);
  return taken;
}
