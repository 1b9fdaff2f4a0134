import pg from 'pg';
import { AppError } from './errors';

// PostgreSQL errors that a caller's input can cause, as the 4xx they are. Each class is refused by the database
// only after every check in front of it let the value through, so it is a safety net, not the first line: the
// request is still answered clearly (and its transaction has rolled back) instead of with a 500.
//
// https://www.postgresql.org/docs/current/errcodes-appendix.html

/** The input error behind a PostgreSQL error, or null when the database failed for another reason (a 500). */
export function inputErrorOf(err: unknown): AppError | null {
  if (!(err instanceof pg.DatabaseError) || !err.code) return null;
  const code = err.code;
  // Class 22, data exception: 22P02 invalid text representation (a number or UUID that is not one), 22021 / 22P05
  // characters the encoding cannot hold (NUL, lone surrogates in jsonb), 22007 / 22008 impossible dates and times,
  // 22003 numbers out of range, 22001 text too long for its column.
  if (code.startsWith('22')) {
    return new AppError(400, 'INVALID_VALUE', 'Dữ liệu gửi lên có giá trị không hợp lệ (ngày tháng, con số hoặc ký tự nằm ngoài phạm vi cho phép).');
  }
  if (code === '23505') return new AppError(409, 'DUPLICATE', 'Dữ liệu trùng với một mục đã có.');
  if (code === '23503') return new AppError(409, 'REFERENCE_INVALID', 'Dữ liệu tham chiếu đến một mục không tồn tại hoặc mục đang được sử dụng.');
  if (code === '23502' || code === '23514') return new AppError(400, 'INVALID_VALUE', 'Dữ liệu gửi lên thiếu thông tin bắt buộc hoặc không thỏa điều kiện.');
  // 54000: program limit exceeded, e.g. a value too long for an index entry or a search too long to plan.
  if (code === '54000' || code === '54001') return new AppError(400, 'VALUE_TOO_LARGE', 'Dữ liệu gửi lên quá dài hoặc quá phức tạp để xử lý.');
  // 40001 serialization failure, 40P01 deadlock: nothing was written; the same request may succeed again.
  if (code === '40001' || code === '40P01') return new AppError(409, 'RETRY', 'Dữ liệu đang được cập nhật đồng thời; vui lòng thử lại.');
  return null;
}
