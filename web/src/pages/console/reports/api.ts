// The reports API (/api/v1/dashboard, /reports/…) for the console: names for its generated types, hooks, and links from a figure to the
// dossier list that counts it (the list's ?stat= filter uses the server's same predicates).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/client';
import type { Answer, Body, DossierQuery, QueryOf, Schemas } from '../../../api/types';

export type Figures = Schemas['ReportFigures'];
export type Dashboard = Schemas['Dashboard'];
export type CenterRef = NonNullable<Dashboard['center']>;
export type Ref = NonNullable<Dashboard['department']>;
export type Period = Dashboard['today']['period'];
export type Share = Dashboard['byField'][number];
export type OverdueDossier = Dashboard['mostOverdue'][number];
export type Settlement = Schemas['SettlementReport'];
export type SettlementRow = Settlement['rows'][number];
export type GroupBy = Settlement['groupBy'];
export type MonthlyReport = Schemas['MonthlyReport'];
type Recipients = Answer<'/api/v1/reports/recipients'>;

export function useDashboard(center: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'dashboard', center ?? ''],
    queryFn: () => http.get<Dashboard>('/dashboard', { center }),
    enabled,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useSettlement(q: QueryOf<'/api/v1/reports/settlement'>) {
  return useQuery({ queryKey: ['reports', 'settlement', q], queryFn: () => http.get<Settlement>('/reports/settlement', { ...q }), placeholderData: keepPreviousData });
}

export function useMonthlyReports(center: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['reports', 'monthly', center ?? ''], queryFn: () => http.get<Answer<'/api/v1/reports/monthly'>>('/reports/monthly', { center }), enabled });
}

export function useRecipients(center: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['reports', 'recipients', center ?? ''], queryFn: () => http.get<Recipients>('/reports/recipients', { center }), enabled });
}

export function useSaveRecipients() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/v1/reports/recipients', 'put'>) => http.put<Answer<'/api/v1/reports/recipients', 'put'>>('/reports/recipients', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports', 'recipients'] }),
  });
}

/** A figure's filter on the dossier list (GET /dossiers?stat=). */
export type Stat = NonNullable<DossierQuery['stat']>;

/** The dossier list of one figure: same stat, period, center and group as the figure. */
export function statLink(stat: Stat, o: { period?: Period; center?: string | null; field?: string; department?: string } = {}): string {
  return withQuery('/console/dossiers', { stat, from: o.period?.from, to: o.period?.to, center: o.center ?? undefined, field: o.field, department: o.department });
}

export const reportFileUrl = (ext: 'xlsx' | 'pdf', q: Record<string, string | undefined>) => `/api/v1${withQuery(`/reports/settlement.${ext}`, q)}`;
export const monthlyFileUrl = (id: string, ext: 'xlsx' | 'pdf') => `/api/v1/reports/monthly/${id}.${ext}`;

export const percent = (r: number | null, lang: string) => (r === null ? '—' : `${(r * 100).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 })}%`);
