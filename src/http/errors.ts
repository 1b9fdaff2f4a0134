import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors';
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
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  415: 'Định dạng không được hỗ trợ',
  423: 'Tài khoản bị khóa',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời gián đoạn',
};

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
    const errors = err.validation.map((v) => ({
      path: String(v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? ''),
      message: v.message ?? 'không hợp lệ',
    }));
    const detail = 'Dữ liệu gửi lên không hợp lệ: ' + errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    return send(reply, problem(400, 'VALIDATION_FAILED', detail, errors));
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response did not match its schema');
    return send(reply, problem(500, 'INTERNAL', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.'));
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const map: Record<string, string> = {
      FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Định dạng nội dung không được hỗ trợ.',
      FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung JSON trống.',
      FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung JSON không hợp lệ.',
      FST_ERR_CTP_BODY_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
      FST_REQ_FILE_TOO_LARGE: 'Tệp tải lên quá lớn.',
    };
    const detail = map[err.code] ?? (err.code === 'FST_ERR_VALIDATION' ? 'Dữ liệu gửi lên không hợp lệ.' : 'Yêu cầu không hợp lệ.');
    return send(reply, problem(status, err.code?.startsWith('FST_') ? 'BAD_REQUEST' : (err.code ?? 'BAD_REQUEST'), detail));
  }
  if (isDatabaseUnavailable(err)) {
    // The database is down or restarting (it comes back by itself): a temporary 503, not a server error.
    req.log.warn({ err }, 'database unavailable');
    reply.header('retry-after', '5');
    return send(reply, problem(503, 'DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_DETAIL));
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, problem(500, 'INTERNAL', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.'));
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, problem(404, 'ROUTE_NOT_FOUND', `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}.`));
}
