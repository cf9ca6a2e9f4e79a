/**
 * The pure rules of the Theo dõi screen: what the filter asks the backend, what a row says
 * about its deadline, which matters an update applies to, the print view's groups, and the
 * default deadline of a matter just assigned. No React and no API here, so each is tested
 * on its own.
 */
import type { FollowupItem } from '../../../shared/api/types';
import { formatDateVn, parseDateVn } from '../../../shared/dates';
import { CONCERN_STATUS_LABELS, type ConcernStatus, type Handling } from '../../../shared/domain';
import { fold } from '../../../shared/text';
import { vi } from '../i18n/vi';

/** "Sắp đến hạn" looks this many days ahead (the "due within 7 days"). */
export const DUE_SOON_DAYS = 7;
/** Rows asked for on screen; the print view asks for up to PRINT_LIMIT. */
export const SCREEN_LIMIT = 500;
export const PRINT_LIMIT = 5000;

/** The filter as the secretary sets it: dates as she typed them (dd/mm/yyyy), ids or ''. */
export interface FollowupFilter {
  statuses: ConcernStatus[];
  overdue: boolean;
  dueSoon: boolean;
  agencyId: string;
  fieldId: string;
  conferenceId: string;
  unitId: string;
  from: string;
  to: string;
  query: string;
}

export const EMPTY_FILTER: FollowupFilter = {
  statuses: [],
  overdue: false,
  dueSoon: false,
  agencyId: '',
  fieldId: '',
  conferenceId: '',
  unitId: '',
  from: '',
  to: '',
  query: '',
};

/** What `followup.list` receives for a filter (our own shape, so this file needs no contract import). */
export interface FollowupQuery {
  status?: ConcernStatus[];
  overdue?: boolean;
  dueWithinDays?: number;
  agencyId?: string;
  fieldId?: string;
  conferenceId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  query?: string;
  limit?: number;
}

export interface FilterProblems {
  from?: string;
  to?: string;
}

/**
 * The backend's query for a filter, and the problems of its typed dates. A bound that is
 * not a real date (or ends before it starts) is left out of the query and named in the
 * problems: a half-typed date must neither empty the list nor hold back the rest of the
 * filter. An empty box means "no bound".
 */
export function toQuery(filter: FollowupFilter, limit = SCREEN_LIMIT): { query: FollowupQuery; problems: FilterProblems } {
  const problems: FilterProblems = {};
  const from = filter.from.trim() === '' ? undefined : parseDateVn(filter.from);
  let to = filter.to.trim() === '' ? undefined : parseDateVn(filter.to);
  if (from === null) problems.from = vi.errors.badDate;
  if (to === null) problems.to = vi.errors.badDate;
  if (from && to && from > to) {
    problems.to = vi.followup.badRange;
    to = undefined;
  }
  const query: FollowupQuery = { limit };
  if (filter.statuses.length > 0) query.status = [...filter.statuses];
  if (filter.overdue) query.overdue = true;
  if (filter.dueSoon) query.dueWithinDays = DUE_SOON_DAYS;
  if (filter.agencyId) query.agencyId = filter.agencyId;
  if (filter.fieldId) query.fieldId = filter.fieldId;
  if (filter.conferenceId) query.conferenceId = filter.conferenceId;
  if (filter.unitId) query.unitId = filter.unitId;
  if (from) query.from = from;
  if (to) query.to = to;
  if (filter.query.trim()) query.query = filter.query.trim();
  return { query, problems };
}

/** What the deadline cell says beside the date: "quá hạn N ngày", "còn N ngày", nothing once resolved. */
export function dueLabel(item: Pick<FollowupItem, 'deadline' | 'status' | 'overdue' | 'daysLeft'>): string {
  if (!item.deadline || item.daysLeft === null || item.status === 'resolved') return '';
  if (item.overdue || item.daysLeft < 0) return vi.followup.overdueBy(Math.max(1, -item.daysLeft));
  if (item.daysLeft === 0) return vi.followup.dueToday;
  return vi.followup.daysLeft(item.daysLeft);
}

/**
 * A received matter is the unit's own record: read here, never updated — except one the unit
 * forwarded to this level, which this level answers (the answer goes back down in a response file).
 */
export function canUpdate(item: Pick<FollowupItem, 'imported' | 'handling'>): boolean {
  return !item.imported || isAnsweredHere(item);
}

/** At the parent: a unit's matter forwarded to it, whose outcome is this level's own answer. */
export function isAnsweredHere(item: Pick<FollowupItem, 'imported' | 'handling'>): boolean {
  return item.imported && item.handling === 'forwarded';
}

/** The row after moving the cursor by `delta`, kept inside the list (null for an empty list). */
export function moveCursor(ids: readonly string[], cursor: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const at = cursor === null ? -1 : ids.indexOf(cursor);
  if (at < 0) return delta < 0 ? ids[ids.length - 1]! : ids[0]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))]!;
}

/** Space: the matter joins or leaves the selection; a received one never joins. */
export function toggleSelected(selected: readonly string[], item: Pick<FollowupItem, 'id' | 'imported' | 'handling'>): string[] {
  if (selected.includes(item.id)) return selected.filter((id) => id !== item.id);
  return canUpdate(item) ? [...selected, item.id] : [...selected];
}

/** Ctrl+A: every matter shown that may be updated. */
export function selectAll(items: readonly FollowupItem[]): string[] {
  return items.filter(canUpdate).map((i) => i.id);
}

/**
 * The matters an update applies to: the selected ones still shown, or else the one under
 * the cursor; received matters never. In list order, so the form names them as she sees them.
 */
export function updateTargets(items: readonly FollowupItem[], selected: readonly string[], cursor: string | null): FollowupItem[] {
  const chosen = new Set(selected);
  const shown = items.filter((i) => chosen.has(i.id) && canUpdate(i));
  if (shown.length > 0) return shown;
  const current = items.find((i) => i.id === cursor);
  return current && canUpdate(current) ? [current] : [];
}

/** After a refresh, the selection keeps only matters still shown. */
export function keepShown(selected: readonly string[], items: readonly FollowupItem[]): string[] {
  const shown = new Set(items.map((i) => i.id));
  return selected.filter((id) => shown.has(id));
}

export interface AgencyGroup {
  /** null: matters without an agency. */
  agencyId: string | null;
  name: string;
  items: FollowupItem[];
}

const collator = new Intl.Collator('vi');

/**
 * The print view's groups: one per agency, by name (Vietnamese order); matters without an
 * agency last. Within a group the list keeps the backend's order (overdue first, by deadline).
 */
export function groupByAgency(items: readonly FollowupItem[]): AgencyGroup[] {
  const groups = new Map<string, AgencyGroup>();
  for (const item of items) {
    const key = item.agencyId ?? (item.agencyName ? `name:${fold(item.agencyName)}` : '');
    let group = groups.get(key);
    if (!group) {
      group = { agencyId: item.agencyId, name: item.agencyName ?? vi.followup.noAgency, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const named = [...groups.entries()].filter(([key]) => key !== '').map(([, g]) => g);
  named.sort((a, b) => collator.compare(a.name, b.name));
  const none = groups.get('');
  return none ? [...named, none] : named;
}

/** Names for the filter's ids, as the print view states the filter in force. */
export interface FilterNames {
  agency?: string;
  field?: string;
  conference?: string;
  unit?: string;
}

/** The filter in force, in words, for the print view's heading ("Tất cả nội dung" when none). */
export function describeFilter(filter: FollowupFilter, names: FilterNames): string {
  const parts: string[] = [];
  if (filter.statuses.length > 0) parts.push(filter.statuses.map((s) => CONCERN_STATUS_LABELS[s]).join(', '));
  if (filter.overdue) parts.push(vi.followup.overdue);
  if (filter.dueSoon) parts.push(vi.followup.dueSoon(DUE_SOON_DAYS));
  if (filter.agencyId && names.agency) parts.push(`${vi.followup.agency}: ${names.agency}`);
  if (filter.fieldId && names.field) parts.push(`${vi.followup.field}: ${names.field}`);
  if (filter.conferenceId && names.conference) parts.push(`${vi.followup.conference}: ${names.conference}`);
  if (filter.unitId && names.unit) parts.push(`${vi.followup.unit}: ${names.unit}`);
  const from = parseDateVn(filter.from);
  const to = parseDateVn(filter.to);
  if (from || to) parts.push(vi.followup.period(from ? formatDateVn(from) : '', to ? formatDateVn(to) : ''));
  if (filter.query.trim()) parts.push(vi.followup.searching(filter.query.trim()));
  return parts.length === 0 ? vi.followup.allMatters : parts.join('; ');
}

/** yyyy-mm-dd plus n days, on the calendar (no clock, no time zone). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

export interface DeadlineDays {
  assigned: number;
  forwarded: number;
}

/**
 * The deadline a matter gets when she assigns or forwards it and it has none yet: the
 * conference date plus the default days of Cài đặt. null when nothing should be filled.
 */
export function defaultDeadline(
  handling: Handling | null,
  current: string | null,
  conferenceDate: string | null,
  days: DeadlineDays | null,
): string | null {
  if (current || !conferenceDate || !days) return null;
  if (handling !== 'assigned' && handling !== 'forwarded') return null;
  return addDays(conferenceDate, days[handling]);
}

/**
 * The live screen's key for an answered matter: still needing action after the answer
 * (open again), or, pressed again, settled (resolved). Both dated on the conference date.
 */
export function followUpToggle(status: ConcernStatus): ConcernStatus {
  return status === 'resolved' ? 'open' : 'resolved';
}

/** An answered matter that still needs action shows the badge and asks for agency and deadline. */
export function needsFollowUp(concern: { handling: Handling | null; status: ConcernStatus }): boolean {
  return concern.handling === 'answered' && concern.status !== 'resolved';
}
