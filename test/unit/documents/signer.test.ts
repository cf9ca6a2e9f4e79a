/**
 * Who signs for the organiser (issue 8, A3): a government-style report is signed for the
 * People's Committee by its Chủ tịch, a Party-style one for the Party committee by its Bí
 * thư, deputies as KT. / PHÓ; a title is never paired with someone whose office does not fit.
 */
import { describe, expect, it } from 'vitest';
import { defaultSigner, minutesSignatures, reportSignature, signerChoices, signerFit } from '../../../electron/documents/header';
import type { DocumentModel } from '../../../electron/documents/model';
import type { Person } from '../../../shared/api/types';

const SECRETARY = { name: 'Phạm Thu Hà', position: 'Chuyên viên Văn phòng' };

function model(style: 'party' | 'government', chairs: Person[]): DocumentModel {
  const issuer = style === 'party' ? 'ĐẢNG ỦY PHƯỜNG HÒA BÌNH' : 'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH';
  return {
    unit: { name: 'Phường Hòa Bình', level: 'phường', parentName: 'Thành phố Hải An', style, headerParentLine: '', headerIssuerLine: issuer, placeName: 'Hòa Bình' },
    conference: { chairs, secretary: SECRETARY },
  } as unknown as DocumentModel;
}

const BI_THU = { name: 'Lê Thị Minh Tâm', position: 'Bí thư Đảng ủy phường' };
const CHU_TICH = { name: 'Trần Quốc Hưng', position: 'Phó Bí thư, Chủ tịch UBND phường' };
const PHO_CHU_TICH = { name: 'Ngô Văn Lâm', position: 'Phó Chủ tịch UBND phường' };
const PHO_BI_THU = { name: 'Đặng Thị Hoa', position: 'Phó Bí thư Thường trực Đảng ủy' };
const CHU_TICH_MTTQ = { name: 'Vũ Văn Tính', position: 'Chủ tịch Ủy ban MTTQ Việt Nam phường' };
const BI_THU_DOAN = { name: 'Hoàng Minh Đức', position: 'Bí thư Đoàn phường' };

describe('government style', () => {
  it('the report is signed TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH by the Chủ tịch, not by the first chair (the Bí thư)', () => {
    const m = model('government', [BI_THU, CHU_TICH]);
    expect(reportSignature(m)).toEqual({ titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Trần Quốc Hưng' });
    expect(defaultSigner(m, 'report')).toEqual(CHU_TICH);
  });

  it('a Phó Chủ tịch signs KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; the Chủ tịch comes first when both chair', () => {
    expect(reportSignature(model('government', [BI_THU, PHO_CHU_TICH]))).toEqual({
      titles: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Ngô Văn Lâm',
    });
    expect(defaultSigner(model('government', [PHO_CHU_TICH, BI_THU, CHU_TICH]), 'report')).toEqual(CHU_TICH);
  });

  it('no chair fits: the titles are printed over an empty name, never paired with the Bí thư or the Front’s chair', () => {
    const m = model('government', [BI_THU, CHU_TICH_MTTQ]);
    expect(reportSignature(m)).toEqual({ titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: '' });
    // Chosen explicitly, a person whose office does not fit still does not get the title.
    expect(reportSignature(m, BI_THU)).toEqual({ titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: '' });
    // The secretary types the office the person holds: then it signs.
    expect(reportSignature(m, { name: BI_THU.name, position: 'Chủ tịch UBND phường' })).toEqual({
      titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: BI_THU.name,
    });
  });

  it('the minutes are signed CHỦ TỌA by the chosen chair', () => {
    const m = model('government', [BI_THU, CHU_TICH]);
    expect(minutesSignatures(m).right).toEqual({ titles: ['CHỦ TỌA'], name: 'Trần Quốc Hưng' });
    expect(minutesSignatures(m, BI_THU).right).toEqual({ titles: ['CHỦ TỌA'], name: BI_THU.name });
    expect(minutesSignatures(m).left).toEqual({ titles: ['THƯ KÝ'], name: SECRETARY.name });
  });
});

describe('Party style', () => {
  it('signed T/M ĐẢNG ỦY / BÍ THƯ by the Bí thư, even when listed after the Chủ tịch; the minutes by the CHỦ TỌA', () => {
    const m = model('party', [CHU_TICH, BI_THU]);
    expect(reportSignature(m)).toEqual({ titles: ['T/M ĐẢNG ỦY', 'BÍ THƯ'], name: BI_THU.name });
    // Minutes sign CHỦ TỌA and THƯ KÝ in both styles; the Bí thư presides by default.
    expect(minutesSignatures(m).right).toEqual({ titles: ['CHỦ TỌA'], name: BI_THU.name });
  });

  it('a Phó Bí thư signs PHÓ BÍ THƯ; the Youth Union’s Bí thư does not sign for the Party committee', () => {
    expect(reportSignature(model('party', [PHO_BI_THU, CHU_TICH_MTTQ]))).toEqual({ titles: ['T/M ĐẢNG ỦY', 'PHÓ BÍ THƯ'], name: PHO_BI_THU.name });
    // "Phó Bí thư, Chủ tịch UBND" is a Phó Bí thư of the Party committee.
    expect(reportSignature(model('party', [CHU_TICH]))).toEqual({ titles: ['T/M ĐẢNG ỦY', 'PHÓ BÍ THƯ'], name: CHU_TICH.name });
    expect(reportSignature(model('party', [BI_THU_DOAN]))).toEqual({ titles: ['T/M ĐẢNG ỦY', 'BÍ THƯ'], name: '' });
  });
});

describe('the choices offered on the documents screen', () => {
  it('fitting chairs first (head before deputy), the others after, marked', () => {
    const choices = signerChoices(model('government', [BI_THU, PHO_CHU_TICH, CHU_TICH_MTTQ, CHU_TICH]), 'report');
    expect(choices.map((c) => [c.name, c.fits])).toEqual([
      [CHU_TICH.name, true],
      [PHO_CHU_TICH.name, true],
      [BI_THU.name, false],
      [CHU_TICH_MTTQ.name, false],
    ]);
    expect(signerChoices(model('party', [CHU_TICH, BI_THU]), 'report').map((c) => [c.name, c.fits])).toEqual([
      [BI_THU.name, true],
      [CHU_TICH.name, true],
    ]);
  });

  it('reads each part of a position', () => {
    const gov = model('government', []);
    expect(signerFit(gov, 'Phó Bí thư Đảng ủy, Chủ tịch UBND phường')).toBe('head');
    expect(signerFit(gov, 'Chủ tịch HĐND phường')).toBeNull();
    expect(signerFit(gov, 'Chủ tịch Hội Nông dân')).toBeNull();
    expect(signerFit(gov, 'Phó Chủ tịch Ủy ban nhân dân phường')).toBe('deputy');
    const party = model('party', []);
    expect(signerFit(party, 'Bí thư Đảng ủy, Chủ tịch HĐND phường')).toBe('head');
    expect(signerFit(party, 'Bí thư Chi bộ thôn Đông')).toBeNull();
    expect(signerFit(party, 'Chủ tịch UBND phường')).toBeNull();
  });
});
