// TanStack Query hooks over the dossier API (/api/v1/dossiers…). The server decides what may be done (`can`);
// these hooks only carry requests and keep the cached dossier and lists fresh after every change.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, http, type Problem } from '../../../api/client';
import type {
  DossierAction, DossierApplicant, DossierChannel, DossierDetail, DossierFile, DossierReturnCase, DossierStatus,
  DossierSummary, Page, ReusableFile,
} from '../../../api/types';

export interface DossierQuery {
  q?: string;
  idNumber?: string;
  phone?: string;
  procedure?: string;
  field?: string;
  /** comma-separated statuses */
  status?: string;
  from?: string;
  to?: string;
  overdue?: '1';
  inbox?: '1';
  /** The dossiers behind a figure of the dashboard or a report; from/to are then the report's period. */
  stat?: string;
  department?: string;
  center?: string;
  sort?: 'registered_desc' | 'registered_asc' | 'due_asc';
  limit: number;
  offset: number;
}

export const dossierKeys = {
  list: (params: object) => ['dossiers', 'list', params] as const,
  detail: (code: string) => ['dossiers', 'detail', code] as const,
  returnCase: (code: string) => ['dossiers', 'return-case', code] as const,
  reusable: (code: string) => ['dossiers', 'reusable', code] as const,
};

export const dossierPath = (code: string) => `/dossiers/${encodeURIComponent(code)}`;
export const formUrl = (code: string, form: string) => `${API_BASE}${dossierPath(code)}/forms/${form}.pdf`;
export const fileUrl = (code: string, id: string) => `${API_BASE}${dossierPath(code)}/files/${encodeURIComponent(id)}`;

export const fetchDossiers = (params: DossierQuery) => http.get<Page<DossierSummary>>('/dossiers', { ...params });

export function useDossiers(params: DossierQuery, enabled = true) {
  return useQuery({
    queryKey: dossierKeys.list(params),
    queryFn: () => fetchDossiers(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDossier(code: string | undefined) {
  return useQuery({
    queryKey: dossierKeys.detail(code ?? ''),
    queryFn: () => http.get<DossierDetail>(dossierPath(code ?? '')),
    enabled: !!code,
  });
}

export function useReturnCase(code: string, enabled: boolean, version: number) {
  return useQuery({
    queryKey: [...dossierKeys.returnCase(code), version],
    queryFn: () => http.get<DossierReturnCase>(`${dossierPath(code)}/return-case`),
    enabled,
    retry: false,
  });
}

export function useReusableFiles(code: string, enabled: boolean) {
  return useQuery({
    queryKey: dossierKeys.reusable(code),
    queryFn: () => http.get<{ items: ReusableFile[] }>(`${dossierPath(code)}/reusable-files`),
    enabled,
    retry: false,
    select: (d) => d.items,
  });
}

/** A random key per submitted form: a retry of the same submit returns the first result instead of a duplicate. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function send<T>(method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method, headers: { accept: 'application/json, application/problem+json', ...headers }, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', title: 'network' });
  }
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new ApiError(res.status, { status: res.status, ...((data && typeof data === 'object' ? data : {}) as Problem) });
  return data as T;
}

export interface ChecklistInput {
  index: number;
  presented: boolean;
  original?: number;
  copy?: number;
}

export interface RegisterInput {
  procedure: string;
  applicant: Partial<DossierApplicant> & { kind: DossierApplicant['kind']; fullName: string };
  channel: DossierChannel;
  checklist?: ChecklistInput[];
  note?: string;
  /** Register and receive in one step (reception clerks; every mandatory document ticked). */
  receive?: boolean;
  backEntry?: { receivedAt: string; reason: string };
}

export function useRegisterDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RegisterInput; key: string }) =>
      send<DossierDetail>('POST', '/dossiers', JSON.stringify(body), { 'content-type': 'application/json', 'idempotency-key': key }),
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.detail(d.code), d);
      void qc.invalidateQueries({ queryKey: ['dossiers', 'list'] });
    },
  });
}

export interface ActionBody {
  note?: string;
  reason?: string;
  version?: number;
  checklist?: ChecklistInput[];
  missing?: string[];
  apology?: string;
  newDueAt?: string;
  proposedDueAt?: string;
  method?: 'counter' | 'post' | 'online';
  trackingNumber?: string;
  resultFileId?: string;
  resultSummary?: string;
}

/** Runs one action of the transition table; the answer is the new dossier. A 409 (stale) reloads it. */
export function useDossierAction(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: DossierAction | 'claim'; body: ActionBody }) =>
      action === 'claim'
        ? http.post<DossierDetail>(`${dossierPath(code)}/assign`, { version: body.version })
        : http.post<DossierDetail>(`${dossierPath(code)}/${action}`, body),
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.detail(code), d);
      void qc.invalidateQueries({ queryKey: ['dossiers', 'list'] });
      void qc.invalidateQueries({ queryKey: dossierKeys.returnCase(code) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: dossierKeys.detail(code) });
    },
  });
}

/** Claim from a list (no detail loaded): POST /assign without a version. */
export function useClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => http.post<DossierDetail>(`${dossierPath(code)}/assign`, {}),
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.detail(d.code), d);
      void qc.invalidateQueries({ queryKey: ['dossiers', 'list'] });
    },
  });
}

export function uploadDossierFile(code: string, file: File, checklistIndex: number | null, kind: 'document' | 'result' = 'document') {
  const form = new FormData();
  // Fields before the file: the server reads them with the file part.
  form.append('kind', kind);
  if (checklistIndex !== null) form.append('checklistIndex', String(checklistIndex));
  form.append('file', file, file.name);
  return send<DossierFile>('POST', `${dossierPath(code)}/files`, form, {});
}

export function useUploadFile(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, checklistIndex, kind }: { file: File; checklistIndex: number | null; kind?: 'document' | 'result' }) =>
      uploadDossierFile(code, file, checklistIndex, kind),
    onSuccess: () => void qc.invalidateQueries({ queryKey: dossierKeys.detail(code) }),
  });
}

export function useReuseFile(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reuseFileId, checklistIndex }: { reuseFileId: string; checklistIndex: number | null }) =>
      http.post<DossierFile>(`${dossierPath(code)}/files`, { reuseFileId, checklistIndex }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: dossierKeys.detail(code) }),
  });
}

export const OPEN_STATUSES: DossierStatus[] = ['submitted', 'needs_supplement', 'received', 'in_progress', 'paused'];
export const CLOSED_STATUSES: DossierStatus[] = ['refused', 'returned', 'withdrawn'];
export const ALL_STATUSES: DossierStatus[] = ['submitted', 'needs_supplement', 'received', 'in_progress', 'paused', 'resolved', 'rejected', 'returned', 'refused', 'withdrawn'];

/** Dossier codes as printed ("000.00.15.H57-261126-0001"), the tail of one ("261126-0001"), or a QR URL. */
export function scannedCode(text: string): string | null {
  const s = text.trim();
  const fromUrl = /\/tra-cuu\/([^/?#\s]+)/.exec(s);
  const candidate = fromUrl ? decodeURIComponent(fromUrl[1]) : s;
  if (/^[0-9A-Za-z.]+-\d{6}-\d{1,5}$/.test(candidate) || /^\d{6}-\d{4}$/.test(candidate)) return candidate;
  return null;
}

export const PHONE_RE = /^(\+84|0)\d{9,10}$/;

/** A colleague the head of the department may assign the dossier to (GET /dossiers/{code}/assignees). */
export interface DossierAssignee {
  id: string;
  fullName: string;
  username: string;
  role: 'specialist' | 'department_head';
  roleName: string;
  openCount: number;
  current: boolean;
}

export function useAssignees(code: string, enabled: boolean, version: number) {
  return useQuery({
    queryKey: ['dossiers', 'assignees', code, version],
    queryFn: () => http.get<{ items: DossierAssignee[] }>(`${dossierPath(code)}/assignees`),
    enabled,
    retry: false,
    select: (d) => d.items,
  });
}

/** The head assigns the dossier to a colleague; the answer is the new dossier. */
export function useAssign(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, version }: { userId: string; version: number }) => http.post<DossierDetail>(`${dossierPath(code)}/assign`, { userId, version }),
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.detail(code), d);
      void qc.invalidateQueries({ queryKey: ['dossiers', 'list'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: dossierKeys.detail(code) });
    },
  });
}
