-- Refunds of fees paid for a dossier that ended without a result (refused or withdrawn), and the "Mẫu số" each
-- receipt series prints (issue 13 items 1 and 7).
--
-- A refund is money paid back to the applicant: a numbered slip of its own series ("HP-26/0000001", hoàn phí),
-- with the reason, who paid it back and when. It is a negative entry in that person's cash book (its own column,
-- never mixed with voided receipts), and the fee report subtracts it: collected − refunded = net. A dossier's
-- refunds never add up to more than its receipts in force (checked under the dossier's row lock).
CREATE TABLE fee_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  dossier_code text NOT NULL,
  symbol text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  method text NOT NULL CHECK (method IN ('cash', 'transfer')),
  amount bigint NOT NULL CHECK (amount > 0),
  amount_in_words text NOT NULL,
  reason text NOT NULL CHECK (length(reason) >= 10),
  payee jsonb NOT NULL,                          -- { name, address, idNumber }
  refunded_by uuid NOT NULL REFERENCES users(id),
  refunded_by_name text NOT NULL,
  refunded_at timestamptz NOT NULL,
  refunded_day date NOT NULL,
  UNIQUE (center_id, symbol, number)
);
CREATE INDEX fee_refunds_dossier_idx ON fee_refunds (dossier_id);
CREATE INDEX fee_refunds_collector_day_idx ON fee_refunds (refunded_by, refunded_day);
CREATE INDEX fee_refunds_center_day_idx ON fee_refunds (center_id, refunded_day);

-- A closed cash book keeps the refunds it paid out, by method (closing = opening + receipts − voids − refunds −
-- handed over). Books closed before refunds existed had none.
ALTER TABLE fee_cashbook_lines ADD COLUMN refunds bigint NOT NULL DEFAULT 0 CHECK (refunds >= 0),
  DROP CONSTRAINT fee_cashbook_lines_check,
  ADD CONSTRAINT fee_cashbook_lines_closing CHECK (closing = opening + receipts - voids - refunds - handed_over);

-- "Mẫu số" (the receipt form's code, ký hiệu mẫu biên lai) printed beside the series' "Ký hiệu". Set when a series
-- is opened; a series opened automatically for a new year, and every series opened before, prints 01BLP1-001
-- (01 biên lai thu phí, lệ phí without a printed face value; BLP biên lai phí; 1 printed by the center's own
-- software; 001 the first form).
ALTER TABLE receipt_series ADD COLUMN form_number text NOT NULL DEFAULT '01BLP1-001'
  CHECK (form_number ~ '^[0-9]{2}[A-Z]{2,4}[0-9]-[0-9]{3}$');
ALTER TABLE fee_receipts ADD COLUMN form_number text NOT NULL DEFAULT '01BLP1-001';
