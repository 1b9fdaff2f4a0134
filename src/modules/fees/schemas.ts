// Request and response shapes of the fees API (the response schemas are the serializers: nothing else leaves).
import { z } from 'zod';
import { named } from '../../http/openapi';
import { APPLICANT_CATEGORY_LABELS } from './domain';
import { isoDay } from '../../http/inputs';

export const Vnd = z.number().int('Số tiền phải là số nguyên đồng').min(0).max(Number.MAX_SAFE_INTEGER);
export const PositiveVnd = z.number({ error: 'Số tiền phải là số' }).int('Số tiền phải là số nguyên đồng').positive('Số tiền phải lớn hơn 0').max(999_999_999_999);
export const Day = isoDay();
export const CodeParam = z.object({ code: z.string().min(5).max(60) });
export const IdParam = z.object({ id: z.string().uuid('Mã không hợp lệ') });
export const Method = z.enum(['cash', 'transfer', 'card'], { error: 'Hình thức nộp phải là cash, transfer hoặc card' });
/** Methods a receipt can show: the staff's three plus online payment through VNPay (never typed by staff). */
export const ReceiptMethod = z.enum(['cash', 'transfer', 'card', 'vnpay']);
export const Category = z.enum(Object.keys(APPLICANT_CATEGORY_LABELS) as [keyof typeof APPLICANT_CATEGORY_LABELS, ...(keyof typeof APPLICANT_CATEGORY_LABELS)[]], {
  error: `Đối tượng phải là một trong: ${Object.keys(APPLICANT_CATEGORY_LABELS).join(', ')}`,
});
const Count = z.number().int('Số lượng phải là số nguyên').min(0, 'Số lượng không được âm').max(100_000);
const Quantities = z.object({ pages: Count.optional(), copies: Count.optional() });
const ItemCode = z.string().min(1).max(40);

export const InputsBody = named('FeeQuantities', z.object({
  pages: Count.nullable().optional(),
  copies: Count.nullable().optional(),
  itemQuantities: z.record(ItemCode, Quantities).optional(),
  selected: z.array(ItemCode).max(50).optional(),
  categories: z.array(Category).max(10).optional(),
  manualAmounts: z.record(ItemCode, Vnd).optional(),
  version: z.number().int().min(0).optional(),
}));

const csv = (max: number) => z.string().max(max).optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined));
export const BreakdownQuery = z.object({
  pages: z.coerce.number().int().min(0).max(100_000).optional(),
  copies: z.coerce.number().int().min(0).max(100_000).optional(),
  categories: csv(300).pipe(z.array(Category).optional()),
  selected: csv(300),
});

export const ServiceIn = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('postal_result'),
    address: z.string().trim().min(10, 'Địa chỉ nhận kết quả quá ngắn').max(300),
    recipient: z.string().trim().min(2).max(120).optional(),
    phone: z.string().trim().regex(/^0\d{9}$/, 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0').optional(),
  }),
  z.object({ kind: z.literal('sms'), phone: z.string().trim().regex(/^0\d{9}$/, 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0') }),
], { error: 'Dịch vụ phải là postal_result hoặc sms' });

export const PaymentBody = named('FeeCollect', z.object({
  method: Method,
  amount: PositiveVnd,
  tendered: PositiveVnd.optional(),
  reference: z.string().trim().min(3, 'Mã giao dịch quá ngắn').max(80).optional(),
  services: z.array(ServiceIn).max(2).optional(),
  replacesReceiptId: z.string().uuid().optional(),
}));

const Undetermined = z.object({ code: z.string(), name: z.string(), reason: z.enum(['amount', 'choice', 'pages']), options: z.array(z.object({ code: z.string(), name: z.string() })) });
const Service = z.object({ id: z.string(), kind: z.string(), name: z.string(), charge: z.number(), recipient: z.string().nullable(), address: z.string().nullable(), phone: z.string().nullable(), createdAt: z.string() });

/** How a tiered or capped line was priced: segments of pages (of one copy) or copies, the cap, the copies. */
const RateOut = z.object({
  unit: z.enum(['per_page', 'per_copy']),
  segments: z.array(z.object({ from: z.number(), to: z.number(), units: z.number(), unitAmount: z.number(), amount: z.number() })),
  subtotal: z.number(), cap: z.number().nullable(), capped: z.boolean(), copies: z.number().nullable(),
});

export const BreakdownOut = named('FeeBreakdown', z.object({
  dossier: z.object({ code: z.string(), procedureCode: z.string(), procedureName: z.string(), fieldCode: z.string(), channel: z.string(), status: z.string() }),
  inputs: z.object({
    pages: z.number().nullable(), copies: z.number().nullable(), itemQuantities: z.record(z.string(), Quantities), selected: z.array(z.string()),
    categories: z.array(z.string()), manualAmounts: z.record(z.string(), z.number()), version: z.number(),
  }),
  items: z.array(z.object({
    code: z.string(), kind: z.enum(['fee', 'service']), name: z.string(), unit: z.string(), quantity: z.number(), pages: z.number().nullable(),
    copies: z.number().nullable(), unitAmount: z.number(), gross: z.number(), reduction: z.number(), amount: z.number(), capped: z.boolean(),
    manual: z.boolean(), collectAt: z.enum(['reception', 'return']), legalBasis: z.string(), note: z.string(),
    reductionRule: z.object({ code: z.string(), name: z.string(), legalBasis: z.string() }).nullable(),
    centerSharePercent: z.number(), paid: z.number(), due: z.number(),
    rate: RateOut.nullable(), rateText: z.string(),
  })),
  services: z.array(Service),
  feesTotal: z.number(), servicesTotal: z.number(), total: z.number(), paid: z.number(), due: z.number(),
  atReception: z.number(), atReturn: z.number(), undetermined: z.array(Undetermined), final: z.boolean(),
  waiver: z.object({ amount: z.number(), reason: z.string(), by: z.string(), at: z.string() }).nullish().describe('Miễn thu của lãnh đạo Trung tâm (khi có; trong câu trả lời GET): trả kết quả không cần thu'),
  slip: z.object({ ready: z.boolean(), dueAtReception: z.number(), reason: z.string().nullable() }).optional()
    .describe('Giấy tiếp nhận và hẹn trả kết quả in được chưa (trong câu trả lời GET): sau khi nộp đủ phí, lệ phí khi tiếp nhận, hoặc được miễn thu'),
}));

const ReceiptItem = z.object({ code: z.string(), kind: z.string(), name: z.string(), quantity: z.number(), unitAmount: z.number(), amount: z.number(), lineAmount: z.number(), legalBasis: z.string(), detail: z.string() });
export const ReceiptOut = named('FeeReceipt', z.object({
  id: z.string(), receiptNumber: z.string(), series: z.string(), formNumber: z.string(), book: z.number(), number: z.number(), dossierCode: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  payer: z.object({ name: z.string(), address: z.string(), idNumber: z.string().nullable(), taxCode: z.string().nullable() }),
  method: ReceiptMethod, amount: z.number(), amountInWords: z.string(), tendered: z.number().nullable(), change: z.number(), reference: z.string().nullable(),
  collector: z.object({ id: z.string(), fullName: z.string() }), issuedAt: z.string(), status: z.enum(['valid', 'voided']),
  voidedAt: z.string().nullable(), voidReason: z.string().nullable(), voidedBy: z.string().nullable(), replacesReceiptId: z.string().nullable(),
  transferBatchId: z.string().nullable(), items: z.array(ReceiptItem),
}));

export const PaymentOut = named('FeePayment', z.object({
  id: z.string(), paymentId: z.string(), receiptNumber: z.string(), series: z.string(), book: z.number(), number: z.number(), dossierCode: z.string(),
  method: ReceiptMethod, amount: z.number(), amountInWords: z.string(), tendered: z.number().nullable(), change: z.number(), reference: z.string().nullable(),
  issuedAt: z.string(), collector: z.object({ id: z.string(), fullName: z.string() }),
  items: z.array(z.object({ code: z.string(), name: z.string(), amount: z.number(), detail: z.string().default('') })), paidTotal: z.number(), due: z.number(), replayed: z.boolean(),
}));

/** ?amount=N: a whole number of đồng from 1 up to what is due (checked by the route); default: all that is due. */
export const VietQrQuery = z.object({
  amount: z.coerce.number({ error: 'Số tiền phải là số' })
    .int('Số tiền chuyển khoản phải là số nguyên đồng')
    .min(1, 'Số tiền chuyển khoản phải từ 1 đ trở lên')
    .max(999_999_999_999, 'Số tiền chuyển khoản quá lớn')
    .optional(),
});

export const VietQrOut = named('FeeVietQr', z.object({
  payload: z.string(), image: z.string(), amount: z.number(), due: z.number(), memo: z.string(),
  account: z.object({ bankBin: z.string(), bankName: z.string(), accountNumber: z.string(), accountName: z.string(), isDemo: z.boolean() }),
}));
