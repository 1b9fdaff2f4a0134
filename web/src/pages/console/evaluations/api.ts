// Evaluations in the console and on the counter tablet (issue 14 item 4).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http } from '../../../api/client';
import type { Answer, Body } from '../../../api/types';

export type DossierEvaluation = Answer<'/api/v1/evaluations/dossiers/{code}'>;
export type EvaluationReport = Answer<'/api/v1/reports/evaluations'>;
export type TabletState = Answer<'/api/v1/public/evaluation-tablet'>;
export type EvaluationTablet = Answer<'/api/v1/evaluation-tablets'>['items'][number];

const enc = encodeURIComponent;

export const useDossierEvaluation = (code: string) => useQuery({
  queryKey: ['evaluations', 'dossier', code],
  queryFn: () => http.get<DossierEvaluation>(`/evaluations/dossiers/${enc(code)}`),
  enabled: !!code,
  retry: false,
});

export function useSavePaper() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, answers }: { code: string; answers: Body<'/api/v1/evaluations/dossiers/{code}/paper', 'post'>['answers'] }) =>
      http.post<DossierEvaluation>(`/evaluations/dossiers/${enc(code)}/paper`, { answers }),
    onSuccess: (d) => qc.setQueryData(['evaluations', 'dossier', d.dossierCode], d),
  });
}

export const useInviteToRate = () => useMutation({
  mutationFn: (code: string) => http.post<Answer<'/api/v1/evaluations/dossiers/{code}/tablet', 'post'>>(`/evaluations/dossiers/${enc(code)}/tablet`, {}),
});

export const useEvaluationReport = (q: { from: string; to: string; center?: string }) => useQuery({
  queryKey: ['reports', 'evaluations', q],
  queryFn: () => http.get<EvaluationReport>('/reports/evaluations', q),
});

export const useTablets = (center?: string) => useQuery({
  queryKey: ['evaluation-tablets', center ?? ''],
  queryFn: () => http.get<Answer<'/api/v1/evaluation-tablets'>>('/evaluation-tablets', center ? { center } : undefined),
});
export function usePairTablet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: Body<'/api/v1/evaluation-tablets', 'post'>) => http.post<Answer<'/api/v1/evaluation-tablets', 'post'>>('/evaluation-tablets', b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['evaluation-tablets'] }),
  });
}
export function useRevokeTablet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, center }: { id: string; center?: string }) => http.post(`/evaluation-tablets/${id}/revoke`, center ? { center } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['evaluation-tablets'] }),
  });
}

// The tablet's key: the admin's pairing link carries it in the address's #fragment (never sent to a server).
const STORAGE = 'motcua.tabletKey';
export function adoptTabletPairing(): void {
  const m = /[#&]pair=([^&]+)/.exec(window.location.hash);
  if (!m) return;
  localStorage.setItem(STORAGE, decodeURIComponent(m[1]!));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
export const tabletHeaders = (): Record<string, string> => {
  const key = localStorage.getItem(STORAGE);
  return key ? { 'x-tablet-key': key } : {};
};

export const useTabletState = (enabled: boolean) => useQuery({
  queryKey: ['evaluation-tablet'],
  queryFn: () => api<TabletState>('GET', '/public/evaluation-tablet', undefined, undefined, tabletHeaders()),
  refetchInterval: 2_000,
  enabled,
  retry: false,
});
export const useTabletAnswer = () => useMutation({
  mutationFn: (b: Body<'/api/v1/public/evaluation-tablet/answers', 'post'>) => http.post('/public/evaluation-tablet/answers', b, tabletHeaders()),
});
