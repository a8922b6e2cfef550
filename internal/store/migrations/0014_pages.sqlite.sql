-- Institutional pages (Decree 42/2022): a page may be one of the fixed
-- kinds (gioi-thieu, lien-he, …), in Vietnamese or English; an English page
-- points at its Vietnamese source so the admin can warn when it is older.
ALTER TABLE pages ADD COLUMN lang TEXT NOT NULL DEFAULT 'vi';
ALTER TABLE pages ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE pages ADD COLUMN source_id INTEGER REFERENCES pages(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX pages_kind_lang ON pages (site_id, kind, lang) WHERE kind <> '';

-- Named people on a page: leaders, contact officials.
CREATE TABLE page_people (
    id        INTEGER PRIMARY KEY,
    page_id   INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL DEFAULT 0,
    name      TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT '',
    photo_url TEXT NOT NULL DEFAULT ''
);
CREATE INDEX page_people_page ON page_people (page_id, position);
