/** An honorific typed into a name is flagged at entry and left out of documents (issue 8, B9). */
import { describe, expect, it } from 'vitest';
import { leadingHonorific, withoutHonorific } from '../../../shared/names';

describe('honorifics in names', () => {
  it.each([
    ['Ông Đinh Công Ưởng', 'Ông', 'Đinh Công Ưởng'],
    ['bà  Nguyễn Thị Hoa', 'bà', 'Nguyễn Thị Hoa'],
    ['Đồng chí Lê Văn Tám', 'Đồng chí', 'Lê Văn Tám'],
    ['đ/c Trần Văn An', 'đ/c', 'Trần Văn An'],
    ['Đ/c. Trần Văn An', 'Đ/c', 'Trần Văn An'],
    ['Chị Phạm Thu Hà', 'Chị', 'Phạm Thu Hà'],
    ['Ông Đinh Công Ưởng'.normalize('NFD'), 'Ông', 'Đinh Công Ưởng'],
  ])('%s: flags %s and prints %s', (typed, honorific, printed) => {
    expect(leadingHonorific(typed)).toBe(honorific);
    expect(withoutHonorific(typed)).toBe(printed);
  });

  it.each(['Đinh Công Ưởng', 'Anh Tuấn', 'Ông', '', 'Bàng Văn Tư', 'Cao Bá Quát'])('%s is a name as typed', (name) => {
    expect(leadingHonorific(name)).toBeNull();
    expect(withoutHonorific(name)).toBe(name.trim());
  });

  it('flags an honorific before a two-word name but prints it as typed: Ông may be the surname', () => {
    expect(leadingHonorific('Ông Văn Tùng')).toBe('Ông');
    expect(withoutHonorific('Ông Văn Tùng')).toBe('Ông Văn Tùng');
    expect(withoutHonorific('Ông Ích Khiêm')).toBe('Ông Ích Khiêm');
  });
});
