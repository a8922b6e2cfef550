-- Form 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả): when a dossier is
-- going to be late the desk apologises and gives a new date. due_at stays
-- the appointment the on-time rule judges against (an apologised dossier
-- finished after it is still late, Decision 766); new_due_at is the date
-- promised in the latest apology, and apology_count how many were issued.
ALTER TABLE dossiers ADD COLUMN apology_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN new_due_at TIMESTAMPTZ;
