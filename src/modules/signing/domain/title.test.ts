import { describe, expect, it } from 'vitest';
import { headTitle } from './title';

describe('headTitle', () => {
  it.each([
    ['Phòng Tư pháp', 'Trưởng phòng'],
    ['Phòng Lao động - Thương binh và Xã hội', 'Trưởng phòng'],
    ['Chi cục Thuế khu vực', 'Chi cục trưởng'],
    ['Chi nhánh Văn phòng Đăng ký đất đai thị xã Hương Thủy', 'Giám đốc Chi nhánh'],
    ['Công an thị xã Hương Thủy', 'Trưởng Công an'],
    ['Bảo hiểm xã hội thị xã Hương Thủy', 'Giám đốc'],
    ['Ban Quản lý dự án', 'Thủ trưởng đơn vị'],
    [null, 'Thủ trưởng đơn vị'],
  ])('%s → %s', (unit, title) => expect(headTitle(unit)).toBe(title));
});
