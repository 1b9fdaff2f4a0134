import { describe, expect, it } from 'vitest';
import { keepTokens, placeDateLine, unitLine } from './blocks';

describe('unitLine', () => {
  it.each([
    ['UBND THỊ XÃ HƯƠNG THỦY', 'Trung tâm Hành chính công thị xã Hương Thủy', 'TRUNG TÂM HÀNH CHÍNH CÔNG'],
    ['UBND TỈNH THỪA THIÊN HUẾ', 'Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'],
    ['UBND THỊ XÃ HƯƠNG THỦY', 'Bộ phận Một cửa phường Phú Bài', 'BỘ PHẬN MỘT CỬA PHƯỜNG PHÚ BÀI'],
    ['ỦY BAN NHÂN DÂN HUYỆN PHÚ VANG', 'Bộ phận tiếp nhận và trả kết quả huyện Phú Vang', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ'],
  ])('%s / %s → %s', (parent, unit, expected) => {
    expect(unitLine(parent, unit)).toBe(expected);
  });
});

describe('keepTokens', () => {
  it('keeps slash and hyphen tokens whole and leaves the rest breakable', () => {
    const parts = keepTokens('theo Nghị định số 01/2021/NĐ-CP, Ông/Bà liên hệ');
    expect(parts.map((p) => p.text).join('')).toBe('theo Nghị định số 01/2021/NĐ-CP, Ông/Bà liên hệ');
    expect(parts.filter((p) => p.noWrap).map((p) => p.text)).toEqual(['01/2021/NĐ-CP,', 'Ông/Bà']);
  });

  it('lets long URLs break so nothing overflows, and carries the style', () => {
    const url = 'https://dichvucong.huongthuy.gov.vn/tra-cuu-ho-so/000.00.15.H57-250312-0007';
    const parts = keepTokens(`tại ${url}`, { bold: true });
    expect(parts.some((p) => p.noWrap)).toBe(false);
    expect(parts.every((p) => p.bold === true)).toBe(true);
  });
});

describe('placeDateLine', () => {
  it('joins the place and the long date', () => {
    expect(placeDateLine(' Hương Thủy ', new Date('2025-03-12T02:00:00Z'))).toBe('Hương Thủy, ngày 12 tháng 3 năm 2025');
  });
});
