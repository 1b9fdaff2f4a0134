import { describe, expect, it } from 'vitest';
import { foldVietnamese, namePhraseQuery, nameTermsQuery } from './text';

describe('namePhraseQuery', () => {
  it.each([
    ['nguyen van an', 'nguyen <-> van <-> an:*'],
    ['Nguyễn Văn An', 'nguyen <-> van <-> an:*'],
    ['  ĐẶNG   thị  ', 'dang <-> thi:*'],
    ['hộ kinh doanh', 'ho <-> kinh <-> doanh:*'],
    ['Công ty TNHH 2 thành viên', 'cong <-> ty <-> tnhh <-> 2 <-> thanh <-> vien:*'],
    ["o'neil & co | !x:*", 'o <-> neil <-> co <-> x:*'],
    ['a b c d e f g h i j', 'a <-> b <-> c <-> d <-> e <-> f <-> g <-> h:*'],
  ])('%j → %j', (input, expected) => {
    expect(namePhraseQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '&|!():*<->', '—'])('has no query for %j', (input) => {
    expect(namePhraseQuery(input)).toBeNull();
  });
});

describe('nameTermsQuery', () => {
  it.each([
    ['nguyen van an', 'nguyen0van & van0an:*'],
    ['Nguyễn Văn', 'nguyen0van:*'],
    ['  ĐẶNG  ', 'dang:*'],
    ['Công ty TNHH 2', 'cong0ty & ty0tnhh & tnhh02:*'],
    ["o'neil & co | !x:*", 'o0neil & neil0co & co0x:*'],
  ])('%j → %j', (input, expected) => {
    expect(nameTermsQuery(input)).toBe(expected);
  });

  it('has no query when no word is left', () => {
    expect(nameTermsQuery('&|!():*<->')).toBeNull();
  });
});

describe('foldVietnamese', () => {
  it('drops tones and marks, maps đ to d, lowercases', () => {
    expect(foldVietnamese('Trần Thị Thu Hương, ĐỖ Đức Ưng')).toBe('tran thi thu huong, do duc ung');
  });
});
