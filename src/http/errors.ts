import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors';
import { inputErrorOf } from '../platform/pg-errors';
import { DATABASE_UNAVAILABLE_DETAIL, isDatabaseUnavailable } from '../platform/db-errors';

// One error handler: typed errors and validation failures become application/problem+json with a Vietnamese
// message; a database that cannot be reached (down, restarting) gives a 503 saying so; anything unexpected is
// logged in full and leaves the server as a bare 500.
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Record<string, string>[];
}

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  406: 'Định dạng không được chấp nhận',
  408: 'Hết thời gian chờ',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  414: 'Đường dẫn quá dài',
  415: 'Định dạng không được hỗ trợ',
  423: 'Tài khoản bị khóa',
  429: 'Quá nhiều yêu cầu',
  431: 'Tiêu đề yêu cầu quá lớn',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời gián đoạn',
};

const INTERNAL = 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.';

/**
 * Fastify's and its plugins' own client errors (FST_* codes) in Vietnamese. Their English messages never leave;
 * a code missing here still answers with its status and the generic Vietnamese detail.
 */
const FRAMEWORK: Record<string, string> = {
  FST_ERR_BAD_URL: 'Đường dẫn có mã %-encoding không hợp lệ.',
  FST_ERR_MAX_PARAM_LENGTH: 'Đường dẫn quá dài.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Định dạng nội dung không được hỗ trợ.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung (Content-Length) không khớp với dữ liệu gửi lên.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung JSON trống.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung JSON không hợp lệ.',
  FST_ERR_CTP_EMPTY_TYPE: 'Thiếu kiểu nội dung (Content-Type).',
  FST_ERR_CTP_INVALID_TYPE: 'Kiểu nội dung (Content-Type) không hợp lệ.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  FST_ERR_CTP_INSTANCE_ALREADY_STARTED: INTERNAL,
  FST_ERR_FAILED_ERROR_SERIALIZATION: INTERNAL,
  FST_ERR_VALIDATION: 'Dữ liệu gửi lên không hợp lệ.',
  // @fastify/multipart
  FST_REQ_FILE_TOO_LARGE: 'Tệp tải lên quá lớn.',
  FST_PARTS_LIMIT: 'Biểu mẫu gửi lên có quá nhiều phần.',
  FST_FILES_LIMIT: 'Chỉ được tải lên một tệp mỗi lần.',
  FST_FIELDS_LIMIT: 'Biểu mẫu gửi lên có quá nhiều trường.',
  FST_PROTO_VIOLATION: 'Tên trường trong biểu mẫu không hợp lệ.',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Yêu cầu không phải biểu mẫu multipart.',
  FST_INVALID_JSON_FIELD_ERROR: 'Một trường của biểu mẫu không phải JSON hợp lệ.',
  FST_MP_PREMATURE_CLOSE: 'Biểu mẫu gửi lên bị ngắt giữa chừng.',
};

// A client error with a code not listed above: what its status means.
const STATUS_DETAIL: Record<number, string> = {
  405: 'Phương thức này không được hỗ trợ ở đường dẫn này.',
  406: 'Định dạng nội dung không được chấp nhận.',
  413: 'Dữ liệu gửi lên quá lớn.',
  414: 'Đường dẫn quá dài.',
  415: 'Định dạng nội dung không được hỗ trợ.',
  429: 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.',
};

// The multipart parser (busboy) fails a malformed body with a plain Error and no status; these are its messages
// ("Multipart: Boundary not found", "Unexpected end of multipart data", "Malformed part header"…).
const MALFORMED_MULTIPART = /multipart|^Unexpected end of (form|file)|^Malformed (part header|urlencoded form)|^Unsupported content type/i;

function send(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(p);
}

export function problem(status: number, code: string, detail: string, errors?: Problem['errors']): Problem {
  return { type: `https://motcua.gov.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Lỗi', status, detail, code, errors };
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    // Overloaded for a moment (e.g. the PDF queue is full): tell clients and proxies when to try again.
    if (err.status === 503) reply.header('retry-after', '5');
    return send(reply, problem(err.status, err.code, err.message, err.errors));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    // The messages name their field (see zod-vi.ts); the paths stay for programs.
    const errors = err.validation.map((v) => ({
      path: String(v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? ''),
      message: v.message ?? 'Dữ liệu không hợp lệ',
    }));
    const detail = 'Dữ liệu gửi lên không hợp lệ: ' + [...new Set(errors.map((e) => e.message))].join('; ');
    return send(reply, problem(400, 'VALIDATION_FAILED', detail, errors));
  }
  if (isResponseSerializationError(err) && err.code === 'FST_ERR_RESPONSE_SERIALIZATION') {
    req.log.error({ err }, 'response did not match its schema');
    return send(reply, problem(500, 'INTERNAL', INTERNAL));
  }
  const fromDb = inputErrorOf(err);
  if (fromDb) {
    // Logged without the values (see log.ts): PostgreSQL's detail echoes the applicant's data.
    req.log.warn({ err }, 'input refused by the database');
    return send(reply, problem(fromDb.status, fromDb.code, fromDb.message));
  }
  if (!err.statusCode && MALFORMED_MULTIPART.test(err.message ?? '')) {
    return send(reply, problem(400, 'MULTIPART_MALFORMED', 'Biểu mẫu multipart không hợp lệ (thiếu hoặc sai ranh giới các phần).'));
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = FRAMEWORK[err.code] ?? STATUS_DETAIL[status] ?? 'Yêu cầu không hợp lệ.';
    return send(reply, problem(status, err.code?.startsWith('FST_') || !err.code ? 'BAD_REQUEST' : err.code, detail));
  }
  if (isDatabaseUnavailable(err)) {
    // The database is down or restarting (it comes back by itself): a temporary 503, not a server error.
    req.log.warn({ err }, 'database unavailable');
    reply.header('retry-after', '5');
    return send(reply, problem(503, 'DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_DETAIL));
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, problem(500, 'INTERNAL', INTERNAL));
}

/** Fastify's router errors (bad %-encoding, a path parameter over maxParamLength) as problem+json. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
  return send(reply, problem(status, 'BAD_REQUEST', FRAMEWORK[err.code] ?? STATUS_DETAIL[status] ?? 'Yêu cầu không hợp lệ.'));
}

/** Fastify's router refuses a path parameter longer than this with 414 (set on the app in app.ts). */
export const MAX_PARAM_LENGTH = 100;

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  // With the web app built, the single-page catch-all route also takes API paths whose parameter was too long for
  // the router; they get the router's own answer, so the API answers the same with or without web/dist.
  const path = req.url.split('?')[0];
  if (path.startsWith('/api/') && path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
    return send(reply, problem(414, 'BAD_REQUEST', STATUS_DETAIL[414] ?? 'Đường dẫn quá dài.'));
  }
  return send(reply, problem(404, 'ROUTE_NOT_FOUND', `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}.`));
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (malformed request line, headers over the size
 * limit, a client too slow): the same problem+json, written on the socket.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, detail] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'Yêu cầu gửi lên quá chậm, máy chủ đã ngừng chờ.']
      : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'Tiêu đề yêu cầu (hoặc đường dẫn) quá lớn.']
        : [400, 'Bad Request', 'Yêu cầu HTTP không đúng định dạng.'];
  const body = JSON.stringify(problem(status, 'BAD_REQUEST', detail));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
