// Typed errors: a stable code for programs, a Vietnamese message for people, an HTTP status for the edge.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Item-by-item problems (import rows, form fields) shown to the user with the message. */
    readonly errors?: Record<string, string>[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập để thực hiện thao tác này.') =>
  new AppError(401, 'AUTH_REQUIRED', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'FORBIDDEN', message);
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `Không tìm thấy ${what}.`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
