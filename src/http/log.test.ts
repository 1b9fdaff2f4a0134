import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './log';

// What the log keeps and what it masks, case by case.
const CASES: [string, string, string][] = [
  ['citizen ID in a query string', '/api/v1/dossiers?idNumber=046080000123', '/api/v1/dossiers?idNumber=************'],
  ['old 9-digit ID card', 'cmnd 191234567', 'cmnd *********'],
  ['phone with 0', '/api/v1/dossiers?phone=0905123456&limit=20', '/api/v1/dossiers?phone=**********&limit=20'],
  ['phone with +84, encoded', '/api/v1/dossiers?phone=%2B84905123456', '/api/v1/dossiers?phone=%2B***********'],
  ['phone with +84', 'gọi +84905123456', 'gọi +***********'],
  ['phone with spaces', 'SĐT 0905 123 456', 'SĐT **** *** ***'],
  ['phone with dots', 'SĐT 0905.123.456', 'SĐT ****.***.***'],
  ['phone with %20', '?q=0905%20123%20456', '?q=****%20***%20***'],
  ['tax code', 'mst 0101234567-001', 'mst **********-001'],
  ['e-mail address', 'gửi an.nguyen@example.vn', 'gửi ***@example.vn'],
  ['e-mail address, encoded', '?email=an%40example.vn', '?email=***%40example.vn'],
  ['a number inside a database message', 'refused: 046080000123 is bad', 'refused: ************ is bad'],
  ['a UUID stays (an id, not a person)', '/api/v1/admin/users/12345678-1234-1234-1234-123456789012', '/api/v1/admin/users/12345678-1234-1234-1234-123456789012'],
  ['a dossier code stays', '/api/v1/dossiers/000.00.15.H57-250312-0001', '/api/v1/dossiers/000.00.15.H57-250312-0001'],
  ['a date and time stay', '2026-03-10T08:30:00.000Z', '2026-03-10T08:30:00.000Z'],
  ['short numbers stay', '/api/v1/procedures?limit=20&offset=40', '/api/v1/procedures?limit=20&offset=40'],
  ['a citizen ID typed with a digit too many', '?idNumber=0460800001239', '?idNumber=*************'],
  ['eight digits stay', 'receipt 12345678', 'receipt 12345678'],
];

describe('maskPersonalData', () => {
  it.each(CASES)('%s', (_name, input, output) => {
    expect(maskPersonalData(input)).toBe(output);
  });
});
