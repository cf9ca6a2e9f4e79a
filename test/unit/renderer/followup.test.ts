/**
 * Issue 10, the Theo dõi screen's pure rules: what a filter asks the backend, what a row
 * says about its deadline, which matters an update applies to (never a received one), the
 * print view's groups per agency, the default deadline, and the live screen's Alt+5.
 */
import { describe, expect, it } from 'vitest';
import type { FollowupItem } from '../../../shared/api/types';
import {
  EMPTY_FILTER,
  addDays,
  canUpdate,
  defaultDeadline,
  describeFilter,
  dueLabel,
  followUpToggle,
  groupByAgency,
  keepShown,
  moveCursor,
  needsFollowUp,
  selectAll,
  toQuery,
  toggleSelected,
  updateTargets,
} from '../../../renderer/src/lib/followup';
import { isFollowUpShortcut } from '../../../renderer/src/lib/keys';

let n = 0;
function item(patch: Partial<FollowupItem> = {}): FollowupItem {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    conferenceId: 'c1',
    conferenceTitle: 'Hội nghị đối thoại',
    conferenceDate: '2026-09-16',
    unitId: 'u1',
    unitName: 'Phường Hòa Bình',
    imported: false,
    number: n,
    text: `Nội dung ${n}`,
    fieldName: null,
    handling: 'assigned',
    agencyId: null,
    agencyName: null,
    deadline: null,
    status: 'open',
    statusDate: '2026-09-16',
    overdue: false,
    daysLeft: null,
    speakerName: '',
    lastNote: '',
    lastReference: '',
    ...patch,
  };
}

describe('the filter as a backend query', () => {
  it('an empty filter asks for everything, with the screen limit', () => {
    expect(toQuery(EMPTY_FILTER)).toEqual({ query: { limit: 500 }, problems: {} });
  });

  it('every part of the filter goes through; dates typed dd/mm/yyyy travel as yyyy-mm-dd', () => {
    const asked = toQuery({
      statuses: ['open', 'inProgress'],
      overdue: true,
      dueSoon: true,
      agencyId: 'a1',
      fieldId: 'f1',
      conferenceId: 'c1',
      unitId: 'u1',
      from: '1/9/2026',
      to: '31/12/2026',
      query: '  thoat nuoc ',
    });
    expect(asked).toEqual({
      query: {
        limit: 500,
        status: ['open', 'inProgress'],
        overdue: true,
        dueWithinDays: 7,
        agencyId: 'a1',
        fieldId: 'f1',
        conferenceId: 'c1',
        unitId: 'u1',
        from: '2026-09-01',
        to: '2026-12-31',
        query: 'thoat nuoc',
      },
      problems: {},
    });
  });

  it('a malformed or reversed bound is left out (the rest still applies) and says why, in Vietnamese, at the box', () => {
    expect(toQuery({ ...EMPTY_FILTER, from: '31/02/2026', query: 'muong' })).toEqual({
      query: { limit: 500, query: 'muong' },
      problems: { from: expect.stringContaining('Ngày không hợp lệ') },
    });
    expect(toQuery({ ...EMPTY_FILTER, from: '01/12/2026', to: '01/11/2026' })).toEqual({
      query: { limit: 500, from: '2026-12-01' },
      problems: { to: 'Ngày kết thúc phải sau ngày bắt đầu.' },
    });
  });

  it('the print view asks with its own, larger limit', () => {
    expect(toQuery(EMPTY_FILTER, 5000).query).toEqual({ limit: 5000 });
  });
});

describe('the deadline cell', () => {
  it('"quá hạn N ngày", "còn N ngày", the last day, and nothing once resolved or without a deadline', () => {
    expect(dueLabel(item({ deadline: '2026-10-01', overdue: true, daysLeft: -31 }))).toBe('quá hạn 31 ngày');
    expect(dueLabel(item({ deadline: '2026-12-01', daysLeft: 1 }))).toBe('còn 1 ngày');
    expect(dueLabel(item({ deadline: '2026-11-30', daysLeft: 0 }))).toBe('hạn cuối hôm nay');
    expect(dueLabel(item({ deadline: '2026-10-01', status: 'resolved', daysLeft: -31 }))).toBe('');
    expect(dueLabel(item({ deadline: null, daysLeft: null }))).toBe('');
  });
});

describe('cursor and marks', () => {
  const ids = ['a', 'b', 'c'];
  it('↑/↓ stay inside the list; from nowhere ↓ starts at the top and ↑ at the bottom', () => {
    expect(moveCursor(ids, 'a', 1)).toBe('b');
    expect(moveCursor(ids, 'c', 1)).toBe('c');
    expect(moveCursor(ids, 'a', -1)).toBe('a');
    expect(moveCursor(ids, 'b', 10)).toBe('c');
    expect(moveCursor(ids, null, 1)).toBe('a');
    expect(moveCursor(ids, 'gone', -1)).toBe('c');
    expect(moveCursor([], 'a', 1)).toBeNull();
  });

  it('Space marks and unmarks; a received matter is never marked; Ctrl+A marks only what may be updated', () => {
    const own = item();
    const received = item({ imported: true });
    expect(toggleSelected([], own)).toEqual([own.id]);
    expect(toggleSelected([own.id], own)).toEqual([]);
    expect(toggleSelected([], received)).toEqual([]);
    expect(canUpdate(received)).toBe(false);
    expect(selectAll([own, received])).toEqual([own.id]);
  });

  it('at the parent, a received matter the unit forwarded to it may be marked and updated: the parent answers it', () => {
    const forwarded = item({ imported: true, handling: 'forwarded' });
    const assigned = item({ imported: true, handling: 'assigned' });
    expect(canUpdate(forwarded)).toBe(true);
    expect(canUpdate(assigned)).toBe(false);
    expect(toggleSelected([], forwarded)).toEqual([forwarded.id]);
    expect(selectAll([forwarded, assigned])).toEqual([forwarded.id]);
    expect(updateTargets([forwarded, assigned], [], forwarded.id)).toEqual([forwarded]);
    expect(updateTargets([forwarded, assigned], [], assigned.id)).toEqual([]);
  });

  it('the update applies to the marked matters still shown, in list order, else to the one under the cursor', () => {
    const [a, b, c] = [item(), item(), item({ imported: true })];
    expect(updateTargets([a, b, c], [b.id, a.id, 'gone'], null).map((i) => i.id)).toEqual([a.id, b.id]);
    expect(updateTargets([a, b, c], [], b.id).map((i) => i.id)).toEqual([b.id]);
    expect(updateTargets([a, b, c], [], c.id)).toEqual([]);
    expect(updateTargets([a, b, c], [c.id], c.id)).toEqual([]);
    expect(keepShown([a.id, 'gone'], [a, b])).toEqual([a.id]);
  });
});

describe('the print view per agency', () => {
  it('one group per agency in Vietnamese order, matters without an agency last, list order kept inside', () => {
    const items = [
      item({ agencyId: 'x', agencyName: 'Ủy ban nhân dân xã' }),
      item({ agencyId: null, agencyName: null }),
      item({ agencyId: 'b', agencyName: 'Bộ phận Địa chính' }),
      item({ agencyId: 'x', agencyName: 'Ủy ban nhân dân xã' }),
      item({ agencyId: 'd', agencyName: 'Đội Quản lý trật tự đô thị' }),
    ];
    const groups = groupByAgency(items);
    expect(groups.map((g) => g.name)).toEqual(['Bộ phận Địa chính', 'Đội Quản lý trật tự đô thị', 'Ủy ban nhân dân xã', 'Chưa giao cơ quan']);
    expect(groups[2]!.items.map((i) => i.id)).toEqual([items[0]!.id, items[3]!.id]);
  });

  it('states the filter in force in words', () => {
    expect(describeFilter(EMPTY_FILTER, {})).toBe('Tất cả nội dung');
    expect(
      describeFilter({ ...EMPTY_FILTER, statuses: ['open'], overdue: true, agencyId: 'a', from: '01/09/2026', query: 'mương' }, { agency: 'Bộ phận Địa chính' }),
    ).toBe('Chưa giải quyết; Quá hạn; Cơ quan giải quyết: Bộ phận Địa chính; Họp từ 01/09/2026; Có từ “mương”');
  });
});

describe('the default deadline (Cài đặt) and the live screen key', () => {
  const days = { assigned: 30, forwarded: 45 };
  it('assigned or forwarded without a deadline: the conference date plus the days of its handling', () => {
    expect(defaultDeadline('assigned', null, '2026-10-02', days)).toBe('2026-11-01');
    expect(defaultDeadline('forwarded', null, '2026-12-20', days)).toBe('2027-02-03');
    expect(defaultDeadline('assigned', '2026-10-15', '2026-10-02', days)).toBeNull();
    expect(defaultDeadline('answered', null, '2026-10-02', days)).toBeNull();
    expect(defaultDeadline('assigned', null, '2026-10-02', null)).toBeNull();
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('Alt+5 turns an answered matter open, and again resolved; the badge shows only for answered and not resolved', () => {
    expect(followUpToggle('resolved')).toBe('open');
    expect(followUpToggle('open')).toBe('resolved');
    expect(followUpToggle('inProgress')).toBe('resolved');
    expect(needsFollowUp({ handling: 'answered', status: 'open' })).toBe(true);
    expect(needsFollowUp({ handling: 'answered', status: 'resolved' })).toBe(false);
    expect(needsFollowUp({ handling: 'assigned', status: 'open' })).toBe(false);
  });

  it('Alt+5 is the key (digit row or keypad), never with other modifiers nor while an input method composes', () => {
    const key = { code: 'Digit5', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(isFollowUpShortcut(key)).toBe(true);
    expect(isFollowUpShortcut({ ...key, code: 'Numpad5' })).toBe(true);
    expect(isFollowUpShortcut({ ...key, ctrlKey: true })).toBe(false);
    expect(isFollowUpShortcut({ ...key, altKey: false })).toBe(false);
    expect(isFollowUpShortcut({ ...key, code: 'Digit6' })).toBe(false);
    expect(isFollowUpShortcut({ ...key, isComposing: true })).toBe(false);
    expect(isFollowUpShortcut({ ...key, keyCode: 229 })).toBe(false);
  });
});
