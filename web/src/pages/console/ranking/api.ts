// The ranking, the director's assessments and the service index (766) over the API.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../api/client';
import type { AssessmentBody, AssessmentList, IndexQuery, Ranking, RankingQuery, ServiceIndex, StaffAssessment } from '../../../api/types';

export const rankingKeys = {
  ranking: (q: object) => ['reports', 'ranking', q] as const,
  assessments: ['reports', 'assessments'] as const,
  index: (q: object) => ['reports', 'index-766', q] as const,
};

export function useRanking(q: RankingQuery) {
  return useQuery({ queryKey: rankingKeys.ranking(q), queryFn: () => http.get<Ranking>('/reports/ranking', { ...q }), placeholderData: keepPreviousData });
}

export function useAssessments(enabled: boolean) {
  return useQuery({ queryKey: rankingKeys.assessments, queryFn: () => http.get<AssessmentList>('/reports/assessments'), enabled });
}

export function useRecordAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentBody) => http.post<StaffAssessment>('/reports/assessments', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: rankingKeys.assessments }),
  });
}

export function useServiceIndex(q: IndexQuery) {
  return useQuery({ queryKey: rankingKeys.index(q), queryFn: () => http.get<ServiceIndex>('/reports/index-766', { ...q }), placeholderData: keepPreviousData });
}

/** A share 0–1 as "66,7 %" (Vietnamese decimal comma). */
export function percent(share: number | null | undefined, lang: string): string {
  if (share === null || share === undefined) return '—';
  return `${(share * 100).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 })} %`;
}

/** A number with one decimal, Vietnamese decimal comma. */
export function decimal(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}
