/** Header lines and names from what the secretary types at setup (issue 8, A4). */
import { describe, expect, it } from 'vitest';
import { isProvinceLevel, levelOf, placeOf, suggestHeaderLines, unitNameOf } from '../../../shared/unit-header';

describe('unitNameOf: a body typed in front of the name is not part of it', () => {
  it.each([
    ['UBND phường Đông Hưng', 'Phường Đông Hưng'],
    ['Ủy ban nhân dân  xã Tân Lập', 'Xã Tân Lập'],
    ['ủy ban nhân dân xã Tân Lập'.normalize('NFD'), 'Xã Tân Lập'],
    ['Đảng ủy phường Đông Hưng', 'Phường Đông Hưng'],
    ['Đảng bộ thành phố Hải Phòng', 'Thành phố Hải Phòng'],
    ['Thành ủy Hải Phòng', 'Thành phố Hải Phòng'],
    ['Tỉnh ủy Hải Đông', 'Tỉnh Hải Đông'],
    ['thị trấn An Lão', 'Thị trấn An Lão'],
    ['Phường Đông Hưng', 'Phường Đông Hưng'],
    ['UBND', 'UBND'],
  ])('%s → %s', (typed, name) => {
    expect(unitNameOf(typed)).toBe(name);
  });
});

describe('levels and places', () => {
  it('reads the level from the name, thị trấn included', () => {
    expect(levelOf('Thị trấn An Lão')).toBe('thị trấn');
    expect(levelOf('UBND thị xã Kinh Môn')).toBe('thị xã');
    expect(levelOf('Thành ủy Hải Phòng')).toBe('thành phố');
    expect(levelOf('Hòa Bình')).toBeNull();
    expect(placeOf('UBND phường Đông Hưng')).toBe('Đông Hưng');
    expect(placeOf('Thị trấn An Lão')).toBe('An Lão');
  });
  it('a thành phố without a parent is province level, with one it is not', () => {
    expect(isProvinceLevel('thành phố', '')).toBe(true);
    expect(isProvinceLevel('thành phố', 'Tỉnh Hải Dương')).toBe(false);
    expect(isProvinceLevel('tỉnh', '')).toBe(true);
    expect(isProvinceLevel('phường', '')).toBe(false);
  });
});

describe('suggestHeaderLines', () => {
  it("a People's Committee has no parent line, and a typed UBND is not repeated", () => {
    expect(suggestHeaderLines({ name: 'UBND phường Đông Hưng', parentName: 'Thành phố Hải Phòng', style: 'government' })).toEqual({
      parent: '',
      issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HƯNG',
    });
  });
  it('a Party committee has its superior Đảng bộ', () => {
    expect(suggestHeaderLines({ name: 'Phường Đông Hưng', parentName: 'Thành phố Hải Phòng', style: 'party' })).toEqual({
      parent: 'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG',
      issuer: 'ĐẢNG ỦY PHƯỜNG ĐÔNG HƯNG',
    });
    expect(suggestHeaderLines({ name: 'Đảng ủy phường Đông Hưng', parentName: 'Thành ủy Hải Phòng', style: 'party' })).toEqual({
      parent: 'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG',
      issuer: 'ĐẢNG ỦY PHƯỜNG ĐÔNG HƯNG',
    });
  });
  it('a province-level Party committee is THÀNH ỦY / TỈNH ỦY with no line above', () => {
    expect(suggestHeaderLines({ name: 'Thành phố Hải Phòng', parentName: '', style: 'party' })).toEqual({ parent: '', issuer: 'THÀNH ỦY HẢI PHÒNG' });
    expect(suggestHeaderLines({ name: 'Tỉnh Hải Đông', parentName: '', style: 'party', level: 'tỉnh' })).toEqual({ parent: '', issuer: 'TỈNH ỦY HẢI ĐÔNG' });
    // An older district-level city has a parent: an ordinary Đảng ủy.
    expect(suggestHeaderLines({ name: 'Thành phố Chí Linh', parentName: 'Tỉnh Hải Dương', style: 'party' }).issuer).toBe('ĐẢNG ỦY THÀNH PHỐ CHÍ LINH');
  });
  it('a board of the committee prints the committee over its own name', () => {
    expect(suggestHeaderLines({ name: 'Ban Dân vận Thành ủy Hải Phòng', parentName: '', style: 'party' })).toEqual({
      parent: 'THÀNH ỦY HẢI PHÒNG',
      issuer: 'BAN DÂN VẬN',
    });
  });
  it('nothing typed gives nothing to print', () => {
    expect(suggestHeaderLines({ name: ' ', parentName: '', style: 'party' })).toEqual({ parent: '', issuer: '' });
  });
});
