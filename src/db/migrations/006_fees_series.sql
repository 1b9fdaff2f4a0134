-- Receipt series (ký hiệu) and books (quyển số) opened by the center's leaders, and how a tiered line was priced.
--
-- A book used to be derived from the number alone (numbers 1..book_size are book 1, …). A center may now open a
-- new book before the current one is full, so the series remembers its current book and the number it started
-- at: book of n = book + floor((n − book_start) / book_size). Existing series keep book 1 from number 1, which
-- gives the same books as before. Receipts keep the book printed on them (fee_receipts.book).
ALTER TABLE receipt_series
  ADD COLUMN book integer NOT NULL DEFAULT 1 CHECK (book > 0),
  ADD COLUMN book_start integer NOT NULL DEFAULT 1 CHECK (book_start >= 1),
  ADD COLUMN note text NOT NULL DEFAULT '',
  ADD COLUMN opened_by uuid REFERENCES users(id),
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by uuid REFERENCES users(id),
  ADD CONSTRAINT receipt_series_book_start CHECK (book_start <= next_number),
  ADD CONSTRAINT receipt_series_symbol_format CHECK (symbol ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(symbol) BETWEEN 2 AND 20),
  ADD CONSTRAINT receipt_series_closed CHECK (NOT (active AND closed_at IS NOT NULL));

-- "2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản": the pricing of a tiered or capped line as it
-- was when the receipt was issued ('' when the unit price explains the line). Part of the immutable snapshot.
ALTER TABLE fee_receipt_items ADD COLUMN detail text NOT NULL DEFAULT '';
