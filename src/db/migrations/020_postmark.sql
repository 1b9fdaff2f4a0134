-- Postal intake (Đề án IV.3.1.a: "gửi qua bưu điện (thời hạn nhận được xác định theo dấu ngày đến của bưu điện)"):
-- the postmark of arrival, entered at registration; the due date is counted from it, not from the clerk's click.
ALTER TABLE dossiers ADD COLUMN postmarked_at timestamptz;
ALTER TABLE dossiers ADD CONSTRAINT dossiers_postmark_by_post CHECK (postmarked_at IS NULL OR channel = 'post');
