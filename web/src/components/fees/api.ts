// TanStack Query hooks over the fees API (issue 6). Kept next to the fee screens so the shared hooks file stays
// small; the shapes are in api/types.ts (Fee*, generated from the server's schemas).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiUrl, http } from '../../api/client';
import type {
  Answer, Body, CashbookCloseBody, CashbookQuery, DossierDetail, FeeBreakdown, FeeCashbook, FeeCashbookDay, FeeInputsBody, FeePayment, FeeReceipt,
  FeeReceiptList, FeeReceiptSeries, FeeReceiptSeriesList, FeeReconciliation, FeeReport, FeeReportQuery, FeeServiceInput, FeeTransferBatch,
  FeeTransferQuery, FeeVietQr, PaymentInput,
} from '../../api/types';

const enc = encodeURIComponent;

export const feeKeys = {
  breakdown: (code: string) => ['fees', 'breakdown', code] as const,
  dossier: (code: string) => ['fees', 'dossier', code] as const,
  receipts: (code: string) => ['fees', 'receipts', code] as const,
  vietqr: (code: string, due: number, amount?: number) => ['fees', 'vietqr', code, due, amount ?? null] as const,
  series: (center?: string) => ['fees', 'receipt-series', center ?? null] as const,
  cashbook: (params: object) => ['fees', 'cashbook', params] as const,
  report: (params: object) => ['fees', 'report', params] as const,
  transfers: (params: object) => ['fees', 'transfers', params] as const,
  reconciliation: (params: object) => ['fees', 'reconciliation', params] as const,
  serviceTypes: ['fees', 'service-types'] as const,
  rules: ['fees', 'rules'] as const,
};

const noRetryOn4xx = (count: number, e: unknown) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2;

/** Everything that depends on a dossier's payments: its breakdown, receipts, QR code, and the cash books/reports. */
function invalidateDossierMoney(qc: ReturnType<typeof useQueryClient>, code: string) {
  void qc.invalidateQueries({ queryKey: feeKeys.breakdown(code) });
  void qc.invalidateQueries({ queryKey: feeKeys.receipts(code) });
  void qc.invalidateQueries({ queryKey: ['fees', 'vietqr', code] });
  void qc.invalidateQueries({ queryKey: ['fees', 'cashbook'] });
  void qc.invalidateQueries({ queryKey: ['fees', 'report'] });
  void qc.invalidateQueries({ queryKey: ['fees', 'reconciliation'] });
}

export function useFeeBreakdown(code: string | undefined) {
  return useQuery({
    queryKey: feeKeys.breakdown(code ?? ''),
    queryFn: () => http.get<FeeBreakdown>(`/dossiers/${enc(code ?? '')}/fees`),
    enabled: !!code,
    retry: noRetryOn4xx,
  });
}

/** The dossier itself (payer name, phone and address to offer the services with). */
export function useFeeDossier(code: string | undefined) {
  return useQuery({
    queryKey: feeKeys.dossier(code ?? ''),
    queryFn: () => http.get<DossierDetail>(`/dossiers/${enc(code ?? '')}`),
    enabled: !!code,
    retry: noRetryOn4xx,
  });
}

export function useDossierReceipts(code: string | undefined) {
  return useQuery({
    queryKey: feeKeys.receipts(code ?? ''),
    queryFn: () => http.get<FeeReceiptList>(`/dossiers/${enc(code ?? '')}/receipts`),
    enabled: !!code,
    retry: noRetryOn4xx,
  });
}

/**
 * The VietQR code of what the dossier still owes, or of `amount` when only a part is being paid (the server
 * refuses when nothing is due, the amount is out of range or no account is set).
 */
export function useFeeVietQr(code: string | undefined, due: number, enabled: boolean, amount?: number) {
  const part = amount !== undefined && amount > 0 && amount < due ? amount : undefined;
  return useQuery({
    queryKey: feeKeys.vietqr(code ?? '', due, part),
    queryFn: () => http.get<FeeVietQr>(`/dossiers/${enc(code ?? '')}/fees/vietqr`, part ? { amount: part } : undefined),
    enabled: !!code && enabled && due > 0,
    retry: false,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useServiceTypes() {
  return useQuery({
    queryKey: feeKeys.serviceTypes,
    queryFn: () => http.get<Answer<'/api/v1/fees/service-types'>>('/fees/service-types'),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

/** A procedure's fee schedule: which quantities, alternatives and amounts "theo quy định" the counter must enter. */
export function useFeeSchedule(procedureCode: string | undefined) {
  return useQuery({
    queryKey: ['fees', 'schedule', procedureCode ?? ''],
    queryFn: () => http.get<Answer<'/api/v1/fees/schedules/{procedureCode}'>>(`/fees/schedules/${enc(procedureCode ?? '')}`),
    enabled: !!procedureCode,
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useFeeRules() {
  return useQuery({
    queryKey: feeKeys.rules,
    queryFn: () => http.get<Answer<'/api/v1/fees/rules'>>('/fees/rules'),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useSaveFeeInputs(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeeInputsBody) => http.put<FeeBreakdown>(`/dossiers/${enc(code)}/fees/quantities`, body),
    onSuccess: (data) => {
      qc.setQueryData(feeKeys.breakdown(code), data);
      void qc.invalidateQueries({ queryKey: ['fees', 'vietqr', code] });
    },
  });
}

export function useAddFeeServices(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (services: FeeServiceInput[]) => http.post<FeeBreakdown>(`/dossiers/${enc(code)}/services`, { services }),
    onSuccess: (data) => {
      qc.setQueryData(feeKeys.breakdown(code), data);
      void qc.invalidateQueries({ queryKey: ['fees', 'vietqr', code] });
    },
  });
}

export function useCollectPayment(code: string) {
  const qc = useQueryClient();
  return useMutation({
    // The Idempotency-Key makes a retried click or a lost answer return the first receipt instead of charging twice.
    mutationFn: ({ body, key }: { body: PaymentInput; key: string }) =>
      http.post<FeePayment>(`/dossiers/${enc(code)}/payments`, body, { 'idempotency-key': key }),
    onSettled: () => invalidateDossierMoney(qc, code),
  });
}

export function useVoidReceipt(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string } & Body<'/api/v1/receipts/{id}/void', 'post'>) => http.post<FeeReceipt>(`/receipts/${enc(id)}/void`, { reason }),
    onSettled: () => invalidateDossierMoney(qc, code),
  });
}

export const receiptPdfUrl = (id: string, format: 'a5' | '80mm' = 'a5') =>
  apiUrl(`/receipts/${enc(id)}.pdf`, format === '80mm' ? { format } : undefined);

// ── Cash book ──

export function useCashbook(params: CashbookQuery, enabled = true) {
  return useQuery({
    queryKey: feeKeys.cashbook(params),
    queryFn: () => http.get<FeeCashbookDay>('/fees/cashbook', params),
    placeholderData: keepPreviousData,
    enabled,
    retry: noRetryOn4xx,
  });
}

export function useCloseCashbook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CashbookCloseBody) =>
      http.post<FeeCashbook>('/fees/cashbook/close', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['fees', 'cashbook'] }),
  });
}

// ── Reports, transfers, reconciliation ──

export function useFeeReport(params: FeeReportQuery, enabled = true) {
  return useQuery({
    queryKey: feeKeys.report(params),
    queryFn: () => http.get<FeeReport>('/fees/reports', params),
    placeholderData: keepPreviousData,
    enabled,
    retry: noRetryOn4xx,
  });
}

export function useTransfers(params: FeeTransferQuery, enabled = true) {
  return useQuery({
    queryKey: feeKeys.transfers(params),
    queryFn: () => http.get<Answer<'/api/v1/fees/transfers'>>('/fees/transfers', params),
    placeholderData: keepPreviousData,
    enabled,
    retry: noRetryOn4xx,
    select: (d) => d.items,
  });
}

export function useReconciliation(params: FeeTransferQuery, enabled = true) {
  return useQuery({
    queryKey: feeKeys.reconciliation(params),
    queryFn: () => http.get<FeeReconciliation>('/fees/transfers/reconciliation', params),
    placeholderData: keepPreviousData,
    enabled,
    retry: noRetryOn4xx,
  });
}

function invalidateTransfers(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: ['fees', 'transfers'] });
  void qc.invalidateQueries({ queryKey: ['fees', 'reconciliation'] });
  void qc.invalidateQueries({ queryKey: ['fees', 'report'] });
}

export function useCreateTransfer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/v1/fees/transfers', 'post'>) => http.post<FeeTransferBatch>('/fees/transfers', body),
    onSuccess: () => invalidateTransfers(qc),
  });
}

export function useConfirmTransfer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Body<'/api/v1/fees/transfers/{id}/confirm', 'post'>) => http.post<FeeTransferBatch>(`/fees/transfers/${enc(id)}/confirm`, body),
    onSuccess: () => invalidateTransfers(qc),
  });
}

// ── Receipt series and books ──

export function useReceiptSeries(center: string | undefined, enabled = true) {
  return useQuery({
    queryKey: feeKeys.series(center),
    queryFn: () => http.get<FeeReceiptSeriesList>('/fees/receipt-series', center ? { center } : undefined),
    enabled,
    retry: noRetryOn4xx,
  });
}

export function useOpenSeries() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/v1/fees/receipt-series', 'post'>) => http.post<FeeReceiptSeries>('/fees/receipt-series', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['fees', 'receipt-series'] }),
  });
}

export function useOpenBook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Body<'/api/v1/fees/receipt-series/{id}/books', 'post'>) => http.post<FeeReceiptSeries>(`/fees/receipt-series/${enc(id)}/books`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['fees', 'receipt-series'] }),
  });
}
