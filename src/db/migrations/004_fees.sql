-- Fees and charges: the fee schedule per procedure (materialized from the catalog's `fees` at first use), exemption
-- and reduction rules with their legal basis, bank accounts (VietQR), receipt series, payments and receipts (never
-- deleted: voided with a reason), related services, the collector's daily cash book and transfers to departments.
-- Money is integer VND (bigint); percentages are numeric(5,2); time is timestamptz, days are Asia/Ho_Chi_Minh dates.

-- Which catalog fees a procedure's schedule was made from; a changed catalog re-materializes an untouched schedule.
CREATE TABLE fee_schedules (
  procedure_code text PRIMARY KEY REFERENCES procedures(code),
  catalog_hash text NOT NULL,
  customized boolean NOT NULL DEFAULT false,   -- edited by hand: the catalog no longer overwrites it
  materialized_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fee_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_code text NOT NULL REFERENCES procedures(code),
  code text NOT NULL,                          -- F1, F2, … (catalog position)
  position integer NOT NULL,
  name text NOT NULL,
  unit text NOT NULL CHECK (unit IN ('per_dossier', 'per_page', 'per_copy')),
  amount bigint CHECK (amount >= 0),           -- NULL: "theo quy định", entered by the clerk
  tiers jsonb NOT NULL DEFAULT '[]'::jsonb,     -- [{ fromUnit, amount }]
  cap bigint CHECK (cap >= 0),
  collect_at text NOT NULL DEFAULT 'reception' CHECK (collect_at IN ('reception', 'return')),
  choice_group text,                           -- alternatives: exactly one item of a group is charged
  center_share_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (center_share_percent BETWEEN 0 AND 100),
  department_code text,                        -- who receives the money; NULL = the dossier's department
  legal_basis text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fee_items_live ON fee_items (procedure_code, code) WHERE active;

CREATE TABLE fee_reduction_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('exempt', 'percent')),
  percent numeric(5,2) CHECK (percent > 0 AND percent <= 100),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  procedure_codes text[],                      -- NULL: any procedure (of field_codes)
  field_codes text[],                          -- NULL: any field
  item_codes text[],                           -- NULL: every item of the procedure
  legal_basis text NOT NULL CHECK (length(legal_basis) > 0),
  note text NOT NULL DEFAULT '',
  configurable boolean NOT NULL DEFAULT false, -- depends on a local resolution: check before relying on it
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'percent') = (percent IS NOT NULL))
);

INSERT INTO fee_reduction_rules (code, name, kind, percent, categories, procedure_codes, field_codes, legal_basis, note, configurable, active) VALUES
  ('HT-MIEN', 'Miễn lệ phí hộ tịch cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật', 'exempt', NULL,
   '{meritorious,poor_household,disabled}', '{2.000806,2.000528,1.001766,2.000779,2.000748,2.000554}', NULL,
   'Thông tư 85/2019/TT-BTC, Điều 5 khoản 2 (lệ phí hộ tịch)', 'Áp dụng cho đăng ký hộ tịch; không áp dụng cho chứng thực.', false, true),
  ('CT-MIEN', 'Miễn lệ phí đăng ký cư trú cho người có công, hộ nghèo', 'exempt', NULL,
   '{meritorious,poor_household}', '{1.004222}', NULL,
   'Thông tư 85/2019/TT-BTC, Điều 5 khoản 2 (lệ phí đăng ký cư trú)', '', false, true),
  ('DTTS-MIEN', 'Miễn lệ phí hộ tịch cho đồng bào dân tộc thiểu số ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn', 'exempt', NULL,
   '{ethnic_minority}', '{2.000806,2.000528,1.001766,2.000779,2.000748,2.000554}', NULL,
   'Thông tư 85/2019/TT-BTC (khoản miễn do HĐND tỉnh quyết định)', 'Theo Nghị quyết HĐND tỉnh: cần đối chiếu trước khi bật.', true, false),
  ('TT-50', 'Giảm 50% lệ phí khi nộp hồ sơ trực tuyến', 'percent', 50,
   '{online_submission}', NULL, '{TC}', 'Nghị quyết HĐND tỉnh về mức thu lệ phí đối với hồ sơ nộp trực tuyến',
   'Mức giảm do từng địa phương quyết định: cấu hình và bật sau khi đối chiếu văn bản.', true, false);

-- Related services offered at payment; a center may override the default (center_id NULL) charge.
CREATE TABLE fee_service_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid REFERENCES centers(id),
  code text NOT NULL CHECK (code IN ('postal_result', 'sms')),
  name text NOT NULL,
  charge bigint NOT NULL CHECK (charge >= 0),
  center_share_percent numeric(5,2) NOT NULL DEFAULT 100 CHECK (center_share_percent BETWEEN 0 AND 100),
  note text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX fee_service_types_key ON fee_service_types (coalesce(center_id, '00000000-0000-0000-0000-000000000000'::uuid), code);
INSERT INTO fee_service_types (code, name, charge, note) VALUES
  ('postal_result', 'Chuyển phát kết quả qua dịch vụ bưu chính công ích', 25000, 'Giá dịch vụ theo hợp đồng với bưu điện: cấu hình theo Trung tâm.'),
  ('sms', 'Nhắn tin SMS thông báo tình trạng hồ sơ', 0, 'Miễn phí; cấu hình nếu có thu.');

CREATE TABLE fee_bank_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  bank_bin text NOT NULL CHECK (bank_bin ~ '^[0-9]{6}$'),
  bank_name text NOT NULL,
  account_number text NOT NULL CHECK (account_number ~ '^[A-Za-z0-9]{1,19}$'),
  account_name text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fee_bank_accounts_active ON fee_bank_accounts (center_id) WHERE active;

CREATE TABLE fee_department_accounts (
  department_id uuid PRIMARY KEY REFERENCES departments(id),
  bank_bin text NOT NULL CHECK (bank_bin ~ '^[0-9]{6}$'),
  bank_name text NOT NULL,
  account_number text NOT NULL CHECK (account_number ~ '^[A-Za-z0-9]{1,19}$'),
  account_name text NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Receipt series (ký hiệu) per center and year; the book (quyển số) is derived from the number and book size.
-- Numbers come from `UPDATE … SET next_number = next_number + 1 RETURNING` inside the payment transaction.
CREATE TABLE receipt_series (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  symbol text NOT NULL,
  year integer NOT NULL,
  book_size integer NOT NULL DEFAULT 100 CHECK (book_size > 0),
  next_number integer NOT NULL DEFAULT 1 CHECK (next_number >= 1),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (center_id, symbol)
);
CREATE UNIQUE INDEX receipt_series_active ON receipt_series (center_id) WHERE active;

-- What the counter entered for a dossier's fees: quantities, chosen alternatives, categories, manual amounts.
CREATE TABLE dossier_fee_inputs (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  pages integer CHECK (pages >= 0),
  copies integer CHECK (copies >= 0),
  item_quantities jsonb NOT NULL DEFAULT '{}'::jsonb,
  selected text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  manual_amounts jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL
);

CREATE TABLE dossier_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  kind text NOT NULL CHECK (kind IN ('postal_result', 'sms')),
  name text NOT NULL,
  charge bigint NOT NULL CHECK (charge >= 0),
  center_share_percent numeric(5,2) NOT NULL CHECK (center_share_percent BETWEEN 0 AND 100),
  recipient text,
  address text,
  phone text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  CHECK (kind <> 'postal_result' OR length(coalesce(address, '')) > 0),
  CHECK (kind <> 'sms' OR phone ~ '^0[0-9]{9}$')
);
CREATE INDEX dossier_services_dossier_idx ON dossier_services (dossier_id);

CREATE TABLE fee_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  method text NOT NULL CHECK (method IN ('cash', 'transfer', 'card')),
  amount bigint NOT NULL CHECK (amount > 0),
  tendered bigint,
  change bigint NOT NULL DEFAULT 0 CHECK (change >= 0),
  reference text,
  collector_id uuid NOT NULL REFERENCES users(id),
  at timestamptz NOT NULL,
  day date NOT NULL,
  idempotency_key text,
  CHECK (tendered >= amount),
  CHECK (change = coalesce(tendered - amount, 0)),
  CHECK (method = 'cash' OR (tendered IS NULL AND length(coalesce(reference, '')) > 0))
);
CREATE INDEX fee_payments_dossier_idx ON fee_payments (dossier_id);

CREATE TABLE fee_transfer_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'confirmed')),
  note text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz,
  bank_reference text,
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);

CREATE TABLE fee_receipts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id uuid NOT NULL UNIQUE REFERENCES fee_payments(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  series_id uuid NOT NULL REFERENCES receipt_series(id),
  symbol text NOT NULL,
  book integer NOT NULL CHECK (book > 0),
  number integer NOT NULL CHECK (number > 0),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  dossier_code text NOT NULL,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  field_code text NOT NULL,
  payer jsonb NOT NULL,                        -- { name, address, idNumber, taxCode }
  method text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  amount_in_words text NOT NULL,
  collector_id uuid NOT NULL REFERENCES users(id),
  collector_name text NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_day date NOT NULL,
  voided_at timestamptz,
  voided_day date,
  void_reason text,
  voided_by uuid REFERENCES users(id),
  replaces_receipt_id uuid REFERENCES fee_receipts(id),
  transfer_batch_id uuid REFERENCES fee_transfer_batches(id),
  UNIQUE (series_id, number),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL) AND (voided_at IS NULL) = (voided_by IS NULL)),
  CHECK (voided_at IS NULL OR transfer_batch_id IS NULL)
);
CREATE INDEX fee_receipts_dossier_idx ON fee_receipts (dossier_id);
CREATE INDEX fee_receipts_center_day_idx ON fee_receipts (center_id, issued_day);
CREATE INDEX fee_receipts_collector_day_idx ON fee_receipts (collector_id, issued_day);
CREATE INDEX fee_receipts_voided_day_idx ON fee_receipts (collector_id, voided_day) WHERE voided_at IS NOT NULL;

-- The receipt's lines as charged (immutable snapshot): what part of the payment went to which item, how much of it
-- the center keeps and how much goes to which department.
CREATE TABLE fee_receipt_items (
  id bigserial PRIMARY KEY,
  receipt_id uuid NOT NULL REFERENCES fee_receipts(id),
  position integer NOT NULL,
  line_code text NOT NULL,                     -- F1 … for fees, S:<service id> for services
  kind text NOT NULL CHECK (kind IN ('fee', 'service')),
  name text NOT NULL,
  quantity integer NOT NULL,
  unit_amount bigint NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),      -- the part of the payment that went to this line
  line_amount bigint NOT NULL,                 -- the whole line as charged then (amount < line_amount: paid in part)
  kept bigint NOT NULL,
  department_id uuid REFERENCES departments(id),
  legal_basis text NOT NULL DEFAULT '',
  CHECK (kept >= 0 AND kept <= amount),
  CHECK (amount <= line_amount),
  CHECK (department_id IS NOT NULL OR kept = amount),
  UNIQUE (receipt_id, position)
);

CREATE TABLE fee_transfer_lines (
  batch_id uuid NOT NULL REFERENCES fee_transfer_batches(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  receipts integer NOT NULL,
  collected bigint NOT NULL,
  kept bigint NOT NULL,
  amount bigint NOT NULL,                      -- to transfer = collected − kept
  account jsonb,                               -- the department's account when the batch was made
  PRIMARY KEY (batch_id, department_id),
  CHECK (amount = collected - kept)
);

-- A collector's closed day: one row per collector and day, figures by payment method.
CREATE TABLE fee_cashbooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  collector_id uuid NOT NULL REFERENCES users(id),
  day date NOT NULL,
  receipt_count integer NOT NULL,
  void_count integer NOT NULL,
  note text NOT NULL DEFAULT '',
  closed_at timestamptz NOT NULL,
  signed_off_by uuid NOT NULL REFERENCES users(id),
  UNIQUE (collector_id, day)
);

CREATE TABLE fee_cashbook_lines (
  cashbook_id uuid NOT NULL REFERENCES fee_cashbooks(id),
  method text NOT NULL CHECK (method IN ('cash', 'transfer', 'card')),
  opening bigint NOT NULL,
  receipts bigint NOT NULL,
  voids bigint NOT NULL,
  handed_over bigint NOT NULL,
  closing bigint NOT NULL,
  PRIMARY KEY (cashbook_id, method),
  CHECK (closing = opening + receipts - voids - handed_over)
);
