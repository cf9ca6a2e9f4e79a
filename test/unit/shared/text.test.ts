import { describe, expect, it } from 'vitest';
import { fileSlug, fold, matchesFolded, nfc } from '../../../shared/text';

const nfd = (s: string) => s.normalize('NFD');

describe('nfc', () => {
  it('makes Telex-typed and PDF-pasted (NFD) text the same bytes', () => {
    const typed = 'Nguyễn Thị Thủy, thôn Đồng Tâm';
    const pasted = nfd(typed);
    expect(pasted).not.toBe(typed);
    expect(pasted.length).toBeGreaterThan(typed.length);
    expect(nfc(pasted)).toBe(typed);
    expect(Buffer.from(nfc(pasted))).toEqual(Buffer.from(typed));
    expect(nfc(typed)).toBe(typed);
  });

  it('leaves spaces and line breaks alone', () => {
    expect(nfc(nfd('  Đường  thôn \n'))).toBe('  Đường  thôn \n');
  });
});

describe('fold', () => {
  it('removes marks, lower-cases and turns đ/Đ into d', () => {
    expect(fold('Đất đai')).toBe('dat dai');
    expect(fold('ĐẢNG ỦY XÃ TÂN LẬP')).toBe('dang uy xa tan lap');
    expect(fold('Giải phóng mặt bằng')).toBe('giai phong mat bang');
    expect(fold('Quốc phòng, an ninh')).toBe('quoc phong, an ninh');
    expect(fold('Ưu tiên ơn nghĩa')).toBe('uu tien on nghia');
  });

  it('gives the same result for NFC and NFD input', () => {
    for (const s of ['Nguyễn Văn Đức', 'Hoàng Thị Lụa', 'Trật tự xây dựng', 'ĐỖ XUÂN TRƯỜNG']) expect(fold(nfd(s))).toBe(fold(s));
  });

  it('collapses and trims white space', () => {
    expect(fold('  Nguyễn\t Văn \n An  ')).toBe('nguyen van an');
    expect(fold('')).toBe('');
    expect(fold('   ')).toBe('');
  });
});

describe('matchesFolded', () => {
  const name = fold('Nguyễn Văn Đức');

  it('finds with or without diacritics, in any case', () => {
    expect(matchesFolded(name, 'nguyen van')).toBe(true);
    expect(matchesFolded(name, 'NGUYỄN VĂN')).toBe(true);
    expect(matchesFolded(name, nfd('Nguyễn'))).toBe(true);
    expect(matchesFolded(fold('giải phóng mặt bằng'), 'giai phong mat bang')).toBe(true);
  });

  it('matches đ and Đ with d, both ways', () => {
    expect(matchesFolded(name, 'duc')).toBe(true);
    expect(matchesFolded(name, 'đức')).toBe(true);
    expect(matchesFolded(name, 'ĐỨC')).toBe(true);
    expect(matchesFolded(fold('Dung'), 'Đung')).toBe(true);
    expect(matchesFolded(fold('Đào Thị Dung'), 'dao dung')).toBe(true);
  });

  it('needs every word, in any order, as a part of the text', () => {
    expect(matchesFolded(name, 'duc nguyen')).toBe(true);
    expect(matchesFolded(name, 'ngu')).toBe(true);
    expect(matchesFolded(name, 'nguyen thi')).toBe(false);
    expect(matchesFolded(name, 'hoang')).toBe(false);
  });

  it('an empty query matches everything', () => {
    expect(matchesFolded(name, '')).toBe(true);
    expect(matchesFolded(name, '   ')).toBe(true);
  });
});

describe('fileSlug', () => {
  it('names files in plain letters: marks and đ folded, everything else a single dash', () => {
    expect(fileSlug('Xã Tân Lập')).toBe('xa-tan-lap');
    expect(fileSlug(nfd('Phường Đồng Tâm, TP. Hải An'))).toBe('phuong-dong-tam-tp-hai-an');
    expect(fileSlug('  --Đặc khu (Côn Đảo)--  ')).toBe('dac-khu-con-dao');
  });

  it('is empty when nothing is left, and at most 60 characters by default', () => {
    expect(fileSlug('—— ✓ ——')).toBe('');
    const long = fileSlug('Ủy ban nhân dân '.repeat(10));
    expect(long.length).toBe(60);
    expect(long.startsWith('uy-ban-nhan-dan-uy-ban')).toBe(true);
    expect(fileSlug('Xã Tân Lập', 6)).toBe('xa-tan');
  });
});
