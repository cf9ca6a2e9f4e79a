/**
 * The Theo dõi screen's state: the filter, the matters it finds across all conferences,
 * the cursor and the marked rows, the open update form, the history of the row under the
 * cursor and the print view. Kept for the session, so leaving for a conference and coming
 * back finds the same list.
 */
import { create } from 'zustand';
import type { Agency, ConferenceSummary, FollowupItem, StatusChange } from '../../../shared/api/types';
import type { ConcernStatus } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import {
  EMPTY_FILTER,
  keepShown,
  moveCursor,
  selectAll,
  toQuery,
  toggleSelected,
  updateTargets,
  type FilterProblems,
  type FollowupFilter,
} from '../lib/followup';
import { refusalMessage } from '../lib/refusal';
import { clearOperationError, track } from '../save/queue';
import { showNotice } from './app';

export interface HistoryState {
  concernId: string;
  entries: StatusChange[] | null;
  error: string | null;
}

export interface Lookups {
  conferences: ConferenceSummary[];
  agencies: Agency[];
}

interface FollowupState {
  filter: FollowupFilter;
  /** Counts "Bỏ lọc": the filter's boxes start afresh, whatever they held. */
  resets: number;
  problems: FilterProblems;
  items: FollowupItem[];
  /** The limit the list was asked with: reached means more matters exist than shown. */
  limit: number;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  cursor: string | null;
  selected: string[];
  /** The matters the open update form applies to; null when it is closed. */
  editing: FollowupItem[] | null;
  printing: boolean;
  history: HistoryState | null;
  lookups: Lookups;
}

export const useFollowup = create<FollowupState>(() => ({
  filter: EMPTY_FILTER,
  resets: 0,
  problems: {},
  items: [],
  limit: 0,
  loaded: false,
  loading: false,
  error: null,
  cursor: null,
  selected: [],
  editing: null,
  printing: false,
  history: null,
  lookups: { conferences: [], agencies: [] },
}));

let request = 0;

/** Asks for the matters of the current filter; the later answer wins. */
export async function loadFollowup(): Promise<void> {
  const mine = ++request;
  const asked = toQuery(useFollowup.getState().filter);
  useFollowup.setState({ problems: asked.problems, loading: true });
  try {
    const items = await api.call('followup.list', asked.query);
    if (mine !== request) return;
    const { cursor, selected } = useFollowup.getState();
    const ids = items.map((i) => i.id);
    const keptCursor = cursor !== null && ids.includes(cursor) ? cursor : (ids[0] ?? null);
    useFollowup.setState({
      items,
      limit: asked.query.limit ?? 0,
      loaded: true,
      loading: false,
      error: null,
      cursor: keptCursor,
      selected: keepShown(selected, items),
    });
    if (keptCursor !== cursor) void loadHistory(keptCursor);
  } catch (error) {
    if (mine === request) useFollowup.setState({ loading: false, error: errorMessage(error) });
  }
}

export function setFilter(patch: Partial<FollowupFilter>): void {
  useFollowup.setState((s) => ({ filter: { ...s.filter, ...patch } }));
  void loadFollowup();
}

/** Waits this long after the last keystroke in the search box before asking (a word is one request). */
const SEARCH_DELAY_MS = 200;
let searchTimer: ReturnType<typeof setTimeout> | null = null;

export function setQuerySoon(query: string): void {
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    searchTimer = null;
    setFilter({ query });
  }, SEARCH_DELAY_MS);
}

export function clearFilter(): void {
  // A search still waiting to be asked must not bring its words back.
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = null;
  useFollowup.setState((s) => ({ filter: EMPTY_FILTER, resets: s.resets + 1 }));
  void loadFollowup();
}

export function toggleStatus(status: ConcernStatus): void {
  const { statuses } = useFollowup.getState().filter;
  setFilter({ statuses: statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status] });
}

/** Conferences (with their units) and agencies for the filter's lists. */
export async function loadLookups(): Promise<void> {
  try {
    const [conferences, agencies] = await Promise.all([api.call('conferences.list', {}), api.call('agencies.list', { query: '' })]);
    useFollowup.setState({ lookups: { conferences, agencies } });
  } catch (error) {
    showNotice(errorMessage(error), 'error');
  }
}

// ── Cursor and marks ─────────────────────────────────────────────────────────────────

/** Holding ↓ through a long list asks for one history, where she stops, not one per row. */
const HISTORY_DELAY_MS = 120;
let historyTimer: ReturnType<typeof setTimeout> | null = null;

export function setCursor(id: string | null): void {
  if (useFollowup.getState().cursor === id) return;
  useFollowup.setState({ cursor: id });
  if (historyTimer) clearTimeout(historyTimer);
  historyTimer = setTimeout(() => {
    historyTimer = null;
    void loadHistory(id);
  }, HISTORY_DELAY_MS);
}

export function moveBy(delta: number): void {
  const { items, cursor } = useFollowup.getState();
  setCursor(
    moveCursor(
      items.map((i) => i.id),
      cursor,
      delta,
    ),
  );
}

/** Space on a row: marks it, or unmarks it; a received matter says why it cannot be marked. */
export function toggleAtCursor(): void {
  const { items, cursor, selected } = useFollowup.getState();
  const item = items.find((i) => i.id === cursor);
  if (!item) return;
  const next = toggleSelected(selected, item);
  if (next.length === selected.length && !selected.includes(item.id)) showNotice(vi.followup.nothingToUpdate, 'error');
  useFollowup.setState({ selected: next });
}

export function toggleRow(item: FollowupItem): void {
  useFollowup.setState((s) => ({ selected: toggleSelected(s.selected, item) }));
}

export function markAllShown(): void {
  useFollowup.setState((s) => ({ selected: selectAll(s.items) }));
}

export function clearMarks(): void {
  useFollowup.setState({ selected: [] });
}

// ── The update form ──────────────────────────────────────────────────────────────────

/** Enter: the form for the marked matters (or the one under the cursor). */
export function openUpdate(): void {
  const { items, selected, cursor } = useFollowup.getState();
  const targets = updateTargets(items, selected, cursor);
  if (targets.length === 0) {
    showNotice(vi.followup.nothingToUpdate, 'error');
    return;
  }
  useFollowup.setState({ editing: targets });
}

export function closeUpdate(): void {
  useFollowup.setState({ editing: null });
}

export interface StatusInput {
  status: ConcernStatus;
  /** yyyy-mm-dd */
  date: string;
  note: string;
  reportedBy: string;
  reference: string;
}

/**
 * Records one history entry for each matter of the form, in one request (the backend
 * writes all or none). Answers null when saved, else the refusal to show in the form: the
 * backend's Vietnamese message and the field it is about.
 */
export async function saveStatus(input: StatusInput): Promise<{ field: string | null; message: string } | null> {
  const editing = useFollowup.getState().editing;
  if (!editing || editing.length === 0) return null;
  const concernIds = editing.map((i) => i.id);
  try {
    await track(() =>
      api.call('concerns.setStatus', {
        concernIds,
        status: input.status,
        date: input.date,
        note: input.note,
        reportedBy: input.reportedBy,
        reference: input.reference,
      }),
    );
  } catch (error) {
    // A refusal is answered in the form, beside its field; nothing waits to be sent again,
    // so the indicator must not say "retrying". Other failures stay on the indicator.
    if (refusalMessage(error)) clearOperationError();
    return refusalOf(error);
  }
  useFollowup.setState({ editing: null, selected: [] });
  showNotice(vi.followup.saved(concernIds.length));
  await loadFollowup();
  const cursor = useFollowup.getState().cursor;
  if (cursor && concernIds.includes(cursor)) await loadHistory(cursor);
  return null;
}

function refusalOf(error: unknown): { field: string | null; message: string } {
  const issue = (error as { issues?: Array<{ path: Array<string | number>; message: string }> }).issues?.[0];
  const field = issue?.path.find((p): p is string => typeof p === 'string') ?? null;
  return { field, message: issue?.message ?? errorMessage(error) };
}

// ── History and print ────────────────────────────────────────────────────────────────

let historyRequest = 0;

export async function loadHistory(concernId: string | null): Promise<void> {
  const mine = ++historyRequest;
  if (!concernId) {
    useFollowup.setState({ history: null });
    return;
  }
  const current = useFollowup.getState().history;
  useFollowup.setState({ history: { concernId, entries: current?.concernId === concernId ? current.entries : null, error: null } });
  try {
    const entries = await api.call('concerns.history', { concernId });
    if (mine === historyRequest) useFollowup.setState({ history: { concernId, entries, error: null } });
  } catch (error) {
    if (mine === historyRequest) useFollowup.setState({ history: { concernId, entries: [], error: errorMessage(error) } });
  }
}

export function openPrint(): void {
  useFollowup.setState({ printing: true });
}

export function closePrint(): void {
  useFollowup.setState({ printing: false });
}
