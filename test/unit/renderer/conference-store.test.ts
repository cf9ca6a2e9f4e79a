import { beforeEach, describe, expect, it } from 'vitest';
import type { Concern, ConferenceDetail, Speaker, Turn } from '../../../shared/api/types';
import { computeCounts, loadDetail, nextRegisteredSpeaker, putTurn, removeConcern, removeTurn, useConf } from '../../../renderer/src/store/conference';
import { levelOf, suggestHeaders, suggestPlace } from '../../../renderer/src/lib/unit';

const CONF = '00000000-0000-4000-8000-00000000c0f0';
let n = 0;
const uid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function speaker(name: string, registrationOrder: number | null): Speaker {
  return { id: uid(), conferenceId: CONF, name, position: '', organization: '', address: '', registrationOrder };
}
function concern(turnId: string | null, handling: Concern['handling'], seq: number): Concern {
  return {
    id: uid(),
    conferenceId: CONF,
    turnId,
    source: turnId ? 'turn' : 'precollected',
    seq,
    fieldId: null,
    text: '',
    handling,
    answeredBy: '',
    answer: '',
    agencyId: null,
    agencyName: null,
    deadline: null,
    status: 'open',
    note: '',
    createdAt: '',
    updatedAt: '',
  };
}
function turn(speakerId: string, seq: number, handlings: Array<Concern['handling']>): Turn {
  const id = uid();
  return { id, conferenceId: CONF, speakerId, seq, startedAt: new Date().toISOString(), summary: '', concerns: handlings.map((h, i) => concern(id, h, i + 1)) };
}

describe('conference store', () => {
  const a = speaker('Nguyễn Văn Đức', 2);
  const b = speaker('Hoàng Thị Lụa', 1);
  const c = speaker('Đỗ Xuân Trường', 3);
  const guest = speaker('Khách', null);
  let t1: Turn;
  let t2: Turn;

  beforeEach(() => {
    t1 = turn(b.id, 1, ['answered', 'assigned']);
    t2 = turn(guest.id, 2, ['noted', null]);
    const detail = {
      conference: { id: CONF } as ConferenceDetail['conference'],
      unitName: 'Phường Hòa Bình',
      speakers: [a, b, c, guest],
      turns: [t1, t2],
      precollected: [concern(null, 'forwarded', 1), concern(null, 'assigned', 2)],
      counts: {} as ConferenceDetail['counts'],
      imported: null,
    } satisfies ConferenceDetail;
    loadDetail(detail);
  });

  it('counts like the server: live turns, their concerns and the pre-collected ones', () => {
    expect(computeCounts(useConf.getState())).toEqual({ turns: 2, concerns: 6, answered: 1, assigned: 2, forwarded: 1, noted: 1 });
    removeTurn(t1.id);
    expect(computeCounts(useConf.getState())).toEqual({ turns: 1, concerns: 4, answered: 0, assigned: 1, forwarded: 1, noted: 1 });
    removeConcern(t2.concerns[0]!.id);
    expect(computeCounts(useConf.getState())).toMatchObject({ concerns: 3, noted: 0 });
    putTurn(t1);
    expect(useConf.getState().turnIds).toEqual([t1.id, t2.id]);
    expect(computeCounts(useConf.getState())).toMatchObject({ turns: 2, concerns: 5 });
  });

  it('proposes the first registered speaker without a turn, in registration order', () => {
    expect(useConf.getState().registeredIds).toEqual([b.id, a.id, c.id]);
    expect(nextRegisteredSpeaker(useConf.getState())).toBe(a.id);
    // A turn that proposed someone (not yet accepted) moves the proposal on.
    putTurn(turn(speaker('', null).id, 3, []), a.id);
    expect(nextRegisteredSpeaker(useConf.getState())).toBe(c.id);
  });
});

describe('unit suggestions', () => {
  it('derives header lines and place name from the names, for the parent of any level', () => {
    expect(suggestHeaders('Xã Tân Lập', 'Tỉnh Hải Đông', 'party')).toEqual({ headerParentLine: 'ĐẢNG BỘ TỈNH HẢI ĐÔNG', headerIssuerLine: 'ĐẢNG ỦY XÃ TÂN LẬP' });
    expect(suggestHeaders('Phường Hòa Bình', 'Thành phố Hải An', 'government')).toEqual({
      // A People's Committee prints no parent line (docs/document-formats.md, "Header lines by unit level"): issue 8, A4.
      headerParentLine: '',
      headerIssuerLine: 'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH',
    });
    expect(suggestPlace('Xã Tân Lập')).toBe('Tân Lập');
    expect(suggestPlace('Đặc khu Côn Đảo')).toBe('Côn Đảo');
    expect(levelOf('Thành phố Hải An')).toBe('thành phố');
    expect(levelOf('Hòa Bình')).toBeNull();
  });
});
