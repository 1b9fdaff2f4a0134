import { createHash } from 'node:crypto';

// The hash chain over the record (audit_log and dossier_events), recomputed outside the database: the definition is
// in src/db/migrations/014_audit_chain.sql, and this file must agree with it byte for byte (chain.test.ts holds a
// vector computed by PostgreSQL).

export type ChainTable = 'audit_log' | 'dossier_events';

/** One field: `<UTF-8 byte length>:<text>`, or `~` for NULL. The length makes the concatenation unambiguous. */
export function enc(v: string | null): string {
  return v === null ? '~' : `${Buffer.byteLength(v, 'utf8')}:${v}`;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** The hash before a chain's first row. */
export function genesis(chainId: string): Buffer {
  return sha256(Buffer.from(`motcua-chain:${chainId}`, 'utf8'));
}

/** The digest of an event's free text (reason, data), which the chain covers in place of the text itself. */
export function personalDigest(reason: string | null, data: string | null): Buffer {
  return sha256(Buffer.from(enc(reason) + enc(data), 'utf8'));
}

/** hash(row) = sha256(previous hash || sha256(canonical(row))); `body` is the table's fields after chain_seq. */
export function linkHash(prev: Buffer, table: ChainTable, chainId: string, seq: number | string, body: (string | null)[]): Buffer {
  const canonical = enc(table) + enc(chainId) + enc(String(seq)) + body.map(enc).join('');
  return sha256(Buffer.concat([prev, sha256(Buffer.from(canonical, 'utf8'))]));
}

/** The chain of rows without a center (province-wide administration). */
export const PROVINCE_CHAIN = '00000000-0000-0000-0000-000000000000';

/**
 * A link and its row as the verifier reads them: the body fields are PostgreSQL's text output, selected in canonical
 * order; `body` is null when the link's row is gone.
 */
export interface ChainRow {
  table: ChainTable;
  id: string;
  seq: number;
  hash: Buffer;
  body: (string | null)[] | null;
  /** dossier_events only: the free text now in the row, and the digest of it the link was made with. */
  personal?: { reason: string | null; data: string | null; digest: Buffer; dossierId: string };
}

export type Break =
  | { kind: 'deleted'; row: ChainRow }
  | { kind: 'changed'; row: ChainRow }
  | { kind: 'text-changed'; row: ChainRow }
  | { kind: 'unexplained-redaction'; row: ChainRow }
  | { kind: 'missing'; fromSeq: number; toSeq: number; before: ChainRow | null }
  | { kind: 'head-mismatch'; headSeq: number; lastSeq: number }
  | { kind: 'unlinked'; table: ChainTable; id: string };

/**
 * Walks one chain in seq order (rows may arrive in batches: pass the state along) and stops at the first break.
 * `purged` holds the dossiers whose purge is on record: only their events may have had their free text emptied.
 */
export class ChainWalker {
  prev: Buffer;
  nextSeq = 1;
  rows = 0;
  redacted = 0;
  broken: Break | null = null;

  constructor(readonly chainId: string, private readonly purged: Set<string>) {
    this.prev = genesis(chainId);
  }

  /** Feeds the next row; false once the chain is broken. */
  push(row: ChainRow): boolean {
    if (this.broken) return false;
    if (row.seq !== this.nextSeq) {
      this.broken = row.seq > this.nextSeq ? { kind: 'missing', fromSeq: this.nextSeq, toSeq: row.seq - 1, before: row } : { kind: 'changed', row };
      return false;
    }
    if (!row.body) {
      this.broken = { kind: 'deleted', row };
      return false;
    }
    if (row.personal && !personalDigest(row.personal.reason, row.personal.data).equals(row.personal.digest)) {
      // The one change allowed: the purge emptied the free text of a dossier whose purge is on record.
      const emptied = row.personal.reason === null && row.personal.data === '{}';
      if (!emptied || !this.purged.has(row.personal.dossierId)) {
        this.broken = { kind: emptied ? 'unexplained-redaction' : 'text-changed', row };
        return false;
      }
      this.redacted++;
    }
    const h = linkHash(this.prev, row.table, this.chainId, row.seq, row.body);
    if (!h.equals(row.hash)) {
      this.broken = { kind: 'changed', row };
      return false;
    }
    this.prev = h;
    this.nextSeq++;
    this.rows++;
    return true;
  }

  /** After the last row: the head the trigger keeps must be where the rows end (rows deleted at the end show here). */
  finish(head: { seq: number; hash: Buffer } | null): Break | null {
    if (this.broken) return this.broken;
    const lastSeq = this.nextSeq - 1;
    if (!head ? lastSeq > 0 : head.seq !== lastSeq || (lastSeq > 0 && !head.hash.equals(this.prev))) {
      this.broken = head && head.seq > lastSeq
        ? { kind: 'missing', fromSeq: lastSeq + 1, toSeq: head.seq, before: null }
        : { kind: 'head-mismatch', headSeq: head?.seq ?? 0, lastSeq };
    }
    return this.broken;
  }
}

const TABLE_NAMES: Record<ChainTable, string> = { audit_log: 'nhật ký thao tác (audit_log)', dossier_events: 'lịch sử hồ sơ (dossier_events)' };
const rowName = (r: ChainRow) => `${TABLE_NAMES[r.table]} id ${r.id} (vị trí ${r.seq} trong chuỗi)`;

/** The first broken row, named in Vietnamese for the operator. */
export function describeBreak(b: Break): string {
  switch (b.kind) {
    case 'deleted':
      return `dòng đầu tiên bị hỏng: ${rowName(b.row)} — dòng đã bị xóa`;
    case 'unlinked':
      return `dòng đầu tiên bị hỏng: ${TABLE_NAMES[b.table]} id ${b.id} không thuộc chuỗi nào (được ghi khi cơ chế liên kết bị tắt)`;
    case 'changed':
      return `dòng đầu tiên bị hỏng: ${rowName(b.row)} — nội dung hoặc mã băm không khớp (dòng đã bị sửa)`;
    case 'text-changed':
      return `dòng đầu tiên bị hỏng: ${rowName(b.row)} — lý do/ghi chú không khớp với bản tóm lược đã ghi (dòng đã bị sửa)`;
    case 'unexplained-redaction':
      return `dòng đầu tiên bị hỏng: ${rowName(b.row)} — nội dung bị xóa mà hồ sơ không có bản ghi xóa dữ liệu theo thời hạn lưu trữ`;
    case 'missing':
      return b.before
        ? `dòng đầu tiên bị hỏng: thiếu mắt xích vị trí ${b.fromSeq}${b.toSeq > b.fromSeq ? `–${b.toSeq}` : ''} (đã bị xóa), ngay trước ${rowName(b.before)}`
        : `dòng đầu tiên bị hỏng: thiếu mắt xích vị trí ${b.fromSeq}${b.toSeq > b.fromSeq ? `–${b.toSeq}` : ''} ở cuối chuỗi (đã bị xóa)`;
    case 'head-mismatch':
      return `đầu chuỗi ghi vị trí ${b.headSeq} nhưng các dòng kết thúc ở vị trí ${b.lastSeq} (đầu chuỗi hoặc dòng cuối đã bị sửa)`;
  }
}
