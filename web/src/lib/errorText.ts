import { ApiError } from '../api/client';

/** The server's Vietnamese `detail` when there is one, else a generic message. */
export function errorText(t: (k: string) => string, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    if (error.problem.detail) return error.problem.detail;
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    return t('errors.server');
  }
  return t('errors.unexpected');
}
