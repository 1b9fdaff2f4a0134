// What a department head is called on a signed result, from the unit's name as the seed and the founding
// document write it ("Phòng Tư pháp" → "Trưởng phòng"). Pure; the configured title of a signer's key wins.

const RULES: [RegExp, string][] = [
  [/^Phòng\b/i, 'Trưởng phòng'],
  [/^Chi cục\b/i, 'Chi cục trưởng'],
  [/^Chi nhánh\b/i, 'Giám đốc Chi nhánh'],
  [/^Công an\b/i, 'Trưởng Công an'],
  [/^Bảo hiểm xã hội\b/i, 'Giám đốc'],
];

export function headTitle(unitName: string | null | undefined): string {
  const name = (unitName ?? '').trim();
  return RULES.find(([re]) => re.test(name))?.[1] ?? 'Thủ trưởng đơn vị';
}
