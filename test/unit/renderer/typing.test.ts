/**
 * Issue 8: typing never picks the wrong thing. The pure rules behind the typeaheads and
 * the key handlers: ranking (B6), one-person matches and new-name warnings (B7), repeated
 * registered names (B7), and keys that belong to an input method (B8).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import { deadlineCaution } from '../../../renderer/src/lib/deadline';
import { isComposingKey } from '../../../renderer/src/lib/keys';
import { detailForRepeatedName, newNameWarning, sameNameAs } from '../../../renderer/src/lib/names';
import { rankMatches } from '../../../renderer/src/lib/rank';

const FIELDS = DEFAULT_FIELDS.map((f) => f.name);

describe('field ranking (B6)', () => {
  it('"chinh sach" puts "Chính sách, an sinh xã hội" first, not "Tài chính, ngân sách, thuế"', () => {
    const ranked = rankMatches(FIELDS, 'chinh sach', fold);
    expect(ranked[0]).toBe('Chính sách, an sinh xã hội');
    expect(ranked).toContain('Tài chính, ngân sách, thuế');
  });

  it('a match at the start of a word beats one inside a word; every typed word must occur', () => {
    expect(rankMatches(['Tài chính, ngân sách', 'Chính sách'], 'sach', fold)).toEqual(['Chính sách', 'Tài chính, ngân sách']);
    expect(rankMatches(['Ngân sách', 'Sách giáo khoa'], 'sach', fold)[0]).toBe('Sách giáo khoa');
    expect(rankMatches(['bạn sach', 'xyz'], 'an', fold)).toEqual(['bạn sach']);
    expect(rankMatches(FIELDS, 'dat dai', fold)).toEqual(['Quản lý đất đai']);
    expect(rankMatches(FIELDS, 'khong co', fold)).toEqual([]);
  });

  it('keeps the list order between equally good options', () => {
    expect(rankMatches(['Giao thông', 'Giáo dục'], 'gia', fold)).toEqual(['Giao thông', 'Giáo dục']);
  });
});

describe('speaker names (B7)', () => {
  const known = [{ name: 'Trần Thị Bình' }, { name: 'Trần Thị Bình An' }, { name: 'Nguyễn Văn An' }];

  it('a typed name stands for the people whose name folds to exactly the same text', () => {
    expect(sameNameAs('tran thi binh', known)).toEqual([{ name: 'Trần Thị Bình' }]);
    expect(sameNameAs('  TRẦN   thị bình ', known)).toEqual([{ name: 'Trần Thị Bình' }]);
    expect(sameNameAs('tran thi', known)).toEqual([]);
    expect(sameNameAs('tran thi binh', [...known, { name: 'Trần Thị Bính' }])).toHaveLength(2);
    expect(sameNameAs('', known)).toEqual([]);
    // Marks she typed are information: a different accented name is another person.
    expect(sameNameAs('Lê Thị Hóa', [{ name: 'Lê Thị Hoa' }])).toEqual([]);
    expect(sameNameAs('Trần Thị Bính', known)).toEqual([]);
    // Partly accented (Unikey switched on mid-name): the unmarked letters stand for any mark.
    expect(sameNameAs('tran thi Bình', known)).toEqual([{ name: 'Trần Thị Bình' }]);
    expect(sameNameAs('dinh cong uong', [{ name: 'Đinh Công Ưởng' }])).toEqual([{ name: 'Đinh Công Ưởng' }]);
  });

  it('warns about a new name in lower case or without diacritics, not about a proper one', () => {
    expect(newNameWarning('tran thi binh')).toMatch(/thường.*không có dấu/);
    expect(newNameWarning('trần thị bình')).toMatch(/thường/);
    expect(newNameWarning('Tran Thi Binh')).toMatch(/không có dấu/);
    expect(newNameWarning('Trần Thị Bình')).toBeNull();
    expect(newNameWarning('Đinh Văn Hùng')).toBeNull();
    expect(newNameWarning('Nguyen Dinh Đuc')).toBeNull(); // "đ" is a Vietnamese letter
    expect(newNameWarning('')).toBeNull();
  });

  it('a registered name that repeats shows organisation/address; a unique one shows nothing', () => {
    const a = { id: 'a', name: 'Nguyễn Văn An', position: 'Trưởng thôn', organization: 'Hội Nông dân', address: 'Thôn 3' };
    const b = { id: 'b', name: 'nguyen van an', position: 'Đảng viên', organization: '', address: '' };
    const c = { id: 'c', name: 'Lê Thị Hoa', position: '', organization: 'Hội Phụ nữ', address: '' };
    const all = [a, b, c];
    expect(detailForRepeatedName(a, all)).toBe('Hội Nông dân, Thôn 3');
    expect(detailForRepeatedName(b, all)).toBe('Đảng viên');
    expect(detailForRepeatedName(c, all)).toBeNull();
  });
});

describe('keys during input-method composition (B8)', () => {
  it('a key with isComposing or keyCode 229 belongs to the input method', () => {
    expect(isComposingKey({ isComposing: true, keyCode: 13 })).toBe(true);
    expect(isComposingKey({ isComposing: false, keyCode: 229 })).toBe(true);
    expect(isComposingKey({ nativeEvent: { isComposing: true, keyCode: 13 } })).toBe(true);
    expect(isComposingKey({ nativeEvent: { isComposing: false, keyCode: 229 } })).toBe(true);
    expect(isComposingKey({ isComposing: false, keyCode: 13 })).toBe(false);
    expect(isComposingKey({ nativeEvent: { isComposing: false, keyCode: 13 } })).toBe(false);
  });
});

describe('deadline before the conference (C13)', () => {
  it('cautions when the deadline is before the conference date, not on or after it', () => {
    expect(deadlineCaution('30/09/2025', '2026-10-02')).toMatch(/sớm hơn ngày hội nghị \(02\/10\/2026\)/);
    expect(deadlineCaution('01/10/2026', '2026-10-02')).not.toBeNull();
    expect(deadlineCaution('02/10/2026', '2026-10-02')).toBeNull();
    expect(deadlineCaution('31/12/2026', '2026-10-02')).toBeNull();
    expect(deadlineCaution('31/02/2026', '2026-10-02')).toBeNull(); // malformed: the validator speaks
    expect(deadlineCaution('', '2026-10-02')).toBeNull();
  });
});
