/**
 * The parent unit's side: the period looked at, the overview for it (who sent what, the
 * aggregate counts), the child units, and the files being imported. Kept for the session,
 * so drilling down into a conference and coming back shows the same results.
 */
import { create } from 'zustand';
import type { ChildUnit, ImportResult, Overview, PackageFileInput } from '../../../shared/api/types';
import type { UnitLevel } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { PACKAGE_MAX_BYTES, megabytes, readFileBase64 } from '../lib/read-file';
import { showNotice } from './app';
import { loadConference } from './actions';
import { useConf } from './conference';

export interface Period {
  /** yyyy-mm-dd, inclusive */
  from: string;
  to: string;
}

export interface ImportRow {
  key: number;
  name: string;
  state: 'waiting' | 'reading' | 'sending' | 'done';
  result: ImportResult | null;
  /** Kept only while the file may be imported again (after its unit's new key is accepted). */
  file: PackageFileInput | null;
}

interface OverviewState {
  period: Period;
  overview: Overview | null;
  loading: boolean;
  error: string | null;
  imports: ImportRow[];
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export const useOverview = create<OverviewState>(() => ({
  period: yearPeriod(new Date().getFullYear()),
  overview: null,
  loading: false,
  error: null,
  imports: [],
}));

let request = 0;

/** Loads the overview of the current period, the child units with it (the later answer wins). */
export async function loadOverview(): Promise<void> {
  const mine = ++request;
  const { period } = useOverview.getState();
  useOverview.setState({ loading: true });
  try {
    const overview = await api.call('overview.get', period);
    if (mine === request) useOverview.setState({ overview, loading: false, error: null });
  } catch (error) {
    if (mine === request) useOverview.setState({ loading: false, error: errorMessage(error) });
  }
}

export function setPeriod(period: Period): void {
  useOverview.setState({ period });
  void loadOverview();
}

// ── Import ───────────────────────────────────────────────────────────────────────────

let rowSeq = 0;

/**
 * Two files in flight: while the backend writes one, its worker checks the next. Files are
 * read only when their turn comes, so memory holds two packages, not the whole drop.
 */
const IN_FLIGHT = 2;
const waiting: Array<() => Promise<void>> = [];
let inFlight = 0;
/** Something was written since the overview was last asked for: it is reloaded once the queue is empty. */
let changed = false;

function enqueue(task: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(() => task().finally(resolve));
    pump();
  });
}

function pump(): void {
  while (inFlight < IN_FLIGHT && waiting.length > 0) {
    const next = waiting.shift()!;
    inFlight++;
    void next().finally(() => {
      inFlight--;
      pump();
      if (inFlight === 0 && changed) {
        changed = false;
        void loadOverview();
      }
    });
  }
}

function patchRow(key: number, patch: Partial<ImportRow>): void {
  useOverview.setState((s) => ({ imports: s.imports.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
}

function refused(file: string, message: string): ImportResult {
  return { file, outcome: 'refused', message };
}

/** Sends one file: one request per file, since a package can be large and requests are capped. */
async function importOne(key: number, file: File): Promise<boolean> {
  if (file.size > PACKAGE_MAX_BYTES) {
    patchRow(key, { state: 'done', result: refused(file.name, vi.overview.tooLarge(file.name, megabytes(file.size))) });
    return false;
  }
  patchRow(key, { state: 'reading' });
  let input: PackageFileInput;
  try {
    input = await readFileBase64(file);
  } catch {
    patchRow(key, { state: 'done', result: refused(file.name, vi.overview.unreadable(file.name)) });
    return false;
  }
  return sendOne(key, input);
}

async function sendOne(key: number, input: PackageFileInput): Promise<boolean> {
  patchRow(key, { state: 'sending' });
  try {
    const [result] = await api.call('packages.import', { files: [input] });
    const answer = result ?? refused(input.name, vi.errors.generic);
    patchRow(key, { state: 'done', result: answer, file: answer.problem === 'key_changed' ? input : null });
    // A received conference opened earlier is held in memory as it was: the drill-down must show the new revision.
    if (answer.outcome === 'replaced' && answer.conferenceId && useConf.getState().id === answer.conferenceId) void loadConference(answer.conferenceId);
    return answer.outcome === 'imported' || answer.outcome === 'replaced';
  } catch (error) {
    patchRow(key, { state: 'done', result: refused(input.name, errorMessage(error)), file: null });
    return false;
  }
}

/** Queues files for import; each shows its own result as soon as it has one. */
export function importFiles(files: File[]): void {
  const rows: ImportRow[] = files.map((f) => ({ key: ++rowSeq, name: f.name, state: 'waiting', result: null, file: null }));
  useOverview.setState((s) => ({ imports: [...s.imports, ...rows] }));
  rows.forEach((row, i) => {
    void enqueue(async () => {
      if (await importOne(row.key, files[i]!)) changed = true;
    });
  });
}

export function clearImports(): void {
  useOverview.setState((s) => ({ imports: s.imports.filter((r) => r.state !== 'done') }));
}

/** After the officer phoned the unit and confirmed its new key: accept it, import again. */
export async function acceptKeyAndImport(key: number): Promise<void> {
  const row = useOverview.getState().imports.find((r) => r.key === key);
  if (!row?.file) return;
  const file = row.file;
  try {
    const accepted = await api.call('packages.acceptKey', { file });
    showNotice(vi.overview.keyAccepted(accepted.unitName));
  } catch (error) {
    showNotice(errorMessage(error), 'error');
    return;
  }
  await enqueue(async () => {
    if (await sendOne(key, file)) changed = true;
  });
}

// ── Child units added by hand ────────────────────────────────────────────────────────

async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await action();
    showNotice(done);
    await loadOverview();
    return true;
  } catch (error) {
    showNotice(errorMessage(error), 'error');
    return false;
  }
}

export function addChildUnit(name: string, level: UnitLevel): Promise<boolean> {
  return run(() => api.call('childUnits.add', { name, level }), vi.overview.added(name));
}

export function deleteChildUnit(unit: ChildUnit): Promise<boolean> {
  return run(() => api.call('childUnits.delete', { id: unit.id }), vi.overview.deleted(unit.name));
}

export function mergeChildUnit(from: ChildUnit, into: ChildUnit): Promise<boolean> {
  return run(() => api.call('childUnits.merge', { from: from.id, into: into.id }), vi.overview.merged(from.name, into.name));
}
