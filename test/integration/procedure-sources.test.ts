import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialSources } from '../../web/src/lib/sources';

// Issue 13 item 7: the public procedure page cites its official source, never a crawler's path.
const catalog = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/seed/procedures.json'), 'utf8')) as { procedures: { code: string; source: string }[] };

describe('the source a procedure page cites', () => {
  it.each([
    ['gov.vn address with the publishing decision beside it',
      'https://dichvucong.gov.vn/p/x.html?ma_thu_tuc=10252 ; https://phuongduc.thuathienhue.gov.vn/?gd=4 (QĐ 592/QĐ-UBND ngày 09/3/2024 TT-Huế)', '1.002425',
      [{ text: 'dichvucong.gov.vn', url: 'https://dichvucong.gov.vn/p/x.html?ma_thu_tuc=10252' }, { text: 'phuongduc.thuathienhue.gov.vn', url: 'https://phuongduc.thuathienhue.gov.vn/?gd=4' }, { text: 'QĐ 592/QĐ-UBND ngày 09/3/2024 TT-Huế' }]],
    ['a crawler path only: the national database by code', 'github:chatbot-tthc/chatbot_tthc/scripts/crawler/data/raw/bo-tu-phap/2.000913.json', '2.000913',
      [{ text: 'Cơ sở dữ liệu quốc gia về thủ tục hành chính, mã 2.000913' }]],
    ['a tool search id', 'github: RAGEvaluator sample data (Mã 1.001739; Cấp Huyện) – find_string id 38222880932', '1.001739',
      [{ text: 'Cơ sở dữ liệu quốc gia về thủ tục hành chính, mã 1.001739' }]],
    ['a law named on its own', 'Luật Bảo vệ môi trường 2020 Điều 39–43', 'H57-TAM-MT-03', [{ text: 'Luật Bảo vệ môi trường 2020 Điều 39–43' }]],
    ['an unofficial site and a cut-off address are left out', 'https://cualo.vn/thu-tuc ; http://krongno.daknong.gov.vn/niem-yet/... ', 'H57-TAM-NN-01', []],
    ['nothing', '', '2.000748', [{ text: 'Cơ sở dữ liệu quốc gia về thủ tục hành chính, mã 2.000748' }]],
  ])('%s', (_name, source, code, expected) => {
    expect(officialSources(source, code)).toEqual(expected);
  });

  it('no procedure of the catalog shows a crawler, a tool or an unofficial site', () => {
    for (const p of catalog.procedures) {
      for (const part of officialSources(p.source, p.code)) {
        expect(part.text, p.code).not.toMatch(/github|crawler|find_string|\.json|RAGEvaluator/i);
        if (part.url) expect(new URL(part.url).hostname, p.code).toMatch(/\.gov\.vn$/);
      }
    }
  });
});
