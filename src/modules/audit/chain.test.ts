import { describe, expect, it } from 'vitest';
import { ChainWalker, describeBreak, enc, genesis, linkHash, personalDigest, type ChainRow } from './chain';

// The expected hashes below were computed by PostgreSQL with the functions of migration 014 (chain_enc,
// chain_instant, chain_genesis, chain_personal_digest): the verifier and the trigger must agree byte for byte.
const K = '11111111-2222-3333-4444-555555555555';
const BODY = ['42', '2026-03-11T01:15:30.123456Z', null, K, 'dossier.file.download', 'dossier', '000.00.15.H57-260311-0001',
  '{"note": "Giấy tờ của ông Nguyễn Văn Ấn", "fileId": "abc"}'];

describe('canonical encoding', () => {
  it.each([
    [null, '~'],
    ['', '0:'],
    ['abc', '3:abc'],
    ['Ấn', '4:Ấn'], // bytes, not characters: Ấ is 3 bytes in UTF-8
    ['~', '1:~'],
    ['3:abc', '5:3:abc'],
  ])('enc(%j) = %j', (v, out) => expect(enc(v)).toBe(out));

  it('cannot be shifted: moving text between two fields changes the encoding', () => {
    expect(enc('ab') + enc('c')).not.toBe(enc('a') + enc('bc'));
  });
});

describe('hashes, as PostgreSQL computes them', () => {
  it('genesis of a chain', () => {
    expect(genesis(K).toString('hex')).toBe('9e77201ae9a6722421aabafa47097eab426a27d96084843633b49fd591ed3964');
  });
  it('first link of an audit row', () => {
    expect(linkHash(genesis(K), 'audit_log', K, 1, BODY).toString('hex')).toBe('6138c25c3673e5dd6722180cbb7394ff87f1fce31f96e4af4089f5dde387c8ec');
  });
  it("an event's free text digest", () => {
    expect(personalDigest('Thiếu giấy khai sinh', '{"missing": ["Bản sao"]}').toString('hex')).toBe('666baebed34b2aa69281c2a625235525f70c09374d88a5a9e6402b6e45fa457b');
  });
});

describe('walking a chain', () => {
  // A chain of four audit rows with correct hashes.
  const rows: ChainRow[] = [];
  let prev = genesis(K);
  for (let seq = 1; seq <= 4; seq++) {
    const body = [String(seq), '2026-03-11T01:15:30.000000Z', null, K, 'x.y', 'e', null, '{}'];
    prev = linkHash(prev, 'audit_log', K, seq, body);
    rows.push({ table: 'audit_log', id: String(100 + seq), seq, hash: prev, body });
  }
  const walk = (list: ChainRow[], head = { seq: 4, hash: rows[3]!.hash }) => {
    const w = new ChainWalker(K, new Set());
    for (const r of list) if (!w.push(r)) break;
    return w.finish(head);
  };

  it('a whole chain has no break', () => expect(walk(rows)).toBeNull());
  it('a changed field breaks at that row', () => {
    const b = walk(rows.map((r, i) => (i === 2 ? { ...r, body: r.body!.map((x, j) => (j === 4 ? 'x.z' : x)) } : r)));
    expect(b).toMatchObject({ kind: 'changed', row: { id: '103' } });
    expect(describeBreak(b!)).toContain('id 103 (vị trí 3 trong chuỗi)');
  });
  it('a missing link breaks at the gap', () => {
    const b = walk(rows.filter((_, i) => i !== 1));
    expect(b).toMatchObject({ kind: 'missing', fromSeq: 2, toSeq: 2 });
    expect(describeBreak(b!)).toContain('thiếu mắt xích vị trí 2 (đã bị xóa), ngay trước nhật ký thao tác (audit_log) id 103');
  });
  it('missing last rows show against the head', () => {
    expect(walk(rows.slice(0, 2))).toMatchObject({ kind: 'missing', fromSeq: 3, toSeq: 4, before: null });
  });
  it('a deleted row breaks at its link', () => {
    expect(walk(rows.map((r, i) => (i === 1 ? { ...r, body: null } : r)))).toMatchObject({ kind: 'deleted', row: { id: '102' } });
  });
  it('an emptied event passes only when its dossier was purged on record', () => {
    const digest = personalDigest('Ghi chú', '{"note": "x"}');
    const body = ['7', 'd1', '2026-03-11T01:15:30.000000Z', null, 'receive', 'submitted', 'received', null, 'false', digest.toString('hex')];
    const ev: ChainRow = { table: 'dossier_events', id: '7', seq: 1, hash: linkHash(genesis(K), 'dossier_events', K, 1, body), body,
      personal: { reason: null, data: '{}', digest, dossierId: 'd1' } };
    const w1 = new ChainWalker(K, new Set(['d1']));
    expect(w1.push(ev)).toBe(true);
    expect(w1.redacted).toBe(1);
    const w2 = new ChainWalker(K, new Set());
    expect(w2.push(ev)).toBe(false);
    expect(w2.broken?.kind).toBe('unexplained-redaction');
    // Any other change of the text breaks, purge or not.
    const w3 = new ChainWalker(K, new Set(['d1']));
    expect(w3.push({ ...ev, personal: { ...ev.personal!, reason: 'Ghi chú khác', data: '{"note": "x"}' } })).toBe(false);
    expect(w3.broken?.kind).toBe('text-changed');
  });
});
