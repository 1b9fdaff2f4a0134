-- Online payment through VNPay: one order per payment URL (vnp_TxnRef), settled once by the gateway's IPN.
-- A paid order is a fee payment with method 'vnpay', issued by the gateway's own (sign-in-less) user,
-- created on the first paid IPN (a user row here would stop the first start's seeding, which needs an empty table) so that the
-- receipt series, cash books and fee reports show it as its own method and its own collector.
ALTER TABLE fee_payments DROP CONSTRAINT fee_payments_method_check,
  ADD CONSTRAINT fee_payments_method_check CHECK (method IN ('cash', 'transfer', 'card', 'vnpay'));
ALTER TABLE fee_cashbook_lines DROP CONSTRAINT fee_cashbook_lines_method_check,
  ADD CONSTRAINT fee_cashbook_lines_method_check CHECK (method IN ('cash', 'transfer', 'card', 'vnpay'));

CREATE TABLE vnpay_orders (
  txn_ref text PRIMARY KEY,
  center_id uuid NOT NULL REFERENCES centers(id),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed')),
  created_at timestamptz NOT NULL,
  settled_at timestamptz,
  response_code text,
  transaction_no text,
  bank_code text,
  payment_id uuid UNIQUE REFERENCES fee_payments(id),
  CHECK ((status = 'paid') = (payment_id IS NOT NULL)),
  CHECK ((status = 'pending') = (settled_at IS NULL))
);
CREATE INDEX vnpay_orders_dossier_idx ON vnpay_orders (dossier_id);
