// TanStack Query hooks over the dossier API (/api/v1/dossiers…). The server decides what may be done (`can`);
// these hooks only carry requests and keep the cached dossier and lists fresh after every change.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, http } from '../../../api/client';
import type {
  ActionBody, Answer, DossierAction, DossierDetail, DossierPage, DossierQuery, DossierRegistered, DossierReturnCase, DossierSignature, DossierSignatureState, DossierStatus,
  RegisterInput, UploadedFile,
} from '../../../api/types';

export const dossierKeys = {
  list: (params: object) => ['dossiers', 'list', params] as const,
  detail: (code: string) => ['dossiers', 'detail', code] as const,
  returnCase: (code: string) => ['dossiers', 'return-case', code] as const,
  reusable: (code: string) => ['dossiers', 'reusable', code] as const,
};

export const dossierPath = (code: string) => `/dossiers/${encodeURIComponent(code)}`;
export const formUrl = (code: string, form: string) => `${API_BASE}${dossierPath(code)}/forms/${form}.pdf`;
export const fileUrl = (code: string, id: string) => `${API_BASE}${dossierPath(code)}/files/${encodeURIComponent(id)}`;

export const fetchDossiers = (params: DossierQuery) => http.get<DossierPage>('/dossiers', { ...params });

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
    queryFn: () => http.get<Answer<'/api/v1/dossiers/{code}/reusable-files'>>(`${dossierPath(code)}/reusable-files`),
    enabled,
    retry: false,
    select: (d) => d.items,
  });
}

export function useRegisterDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RegisterInput; key: string }) =>
      http.post<DossierRegistered>('/dossiers', body, { 'idempotency-key': key }),
    onSuccess: ({ ticket: _ticket, ...d }) => {
      qc.setQueryData<DossierDetail>(dossierKeys.detail(d.code), d);
      void qc.invalidateQueries({ queryKey: ['dossiers', 'list'] });
    },
  });
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
  return http.post<UploadedFile>(`${dossierPath(code)}/files`, form);
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
      http.post<UploadedFile>(`${dossierPath(code)}/files`, { reuseFileId, checklistIndex }),
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

export function useAssignees(code: string, enabled: boolean, version: number) {
  return useQuery({
    queryKey: ['dossiers', 'assignees', code, version],
    queryFn: () => http.get<Answer<'/api/v1/dossiers/{code}/assignees'>>(`${dossierPath(code)}/assignees`),
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

/** The result's digital signature (who, when, the verification link) and whether the caller may sign now. */
export const resultPdfUrl = (code: string) => `${API_BASE}${dossierPath(code)}/result.pdf`;
export function useSignature(code: string, version: number) {
  return useQuery({
    queryKey: ['dossiers', 'signature', code, version],
    queryFn: () => http.get<DossierSignatureState>(`${dossierPath(code)}/signature`),
    retry: false,
  });
}

export function useSignResult(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<DossierSignature>(`${dossierPath(code)}/sign-result`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dossierKeys.detail(code) });
      void qc.invalidateQueries({ queryKey: ['dossiers', 'signature', code] });
    },
  });
}
