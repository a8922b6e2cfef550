-- Citizens' satisfaction ratings (đánh giá mức độ hài lòng): one per
-- dossier, enforced by the primary key, given through the private link
-- once the result is handed back (status 10). site, unit and procedure are
-- copied from the dossier so aggregates per unit and period read this table
-- alone. Levels are 1 (rất không hài lòng) … 5 (rất hài lòng); complaints
-- is NULL when the applicant filed none.
CREATE TABLE dossier_ratings (
    dossier_id   BIGINT PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
    site_id      BIGINT NOT NULL REFERENCES sites(id),
    unit_id      BIGINT NOT NULL REFERENCES units(id),
    procedure_id BIGINT NOT NULL REFERENCES procedures(id),
    overall      SMALLINT NOT NULL CHECK (overall BETWEEN 1 AND 5),
    time_score   SMALLINT NOT NULL CHECK (time_score BETWEEN 1 AND 5),
    visits       SMALLINT NOT NULL CHECK (visits BETWEEN 1 AND 5),
    attitude     SMALLINT NOT NULL CHECK (attitude BETWEEN 1 AND 5),
    clarity      SMALLINT NOT NULL CHECK (clarity BETWEEN 1 AND 5),
    complaints   SMALLINT CHECK (complaints BETWEEN 1 AND 5),
    comment      TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX dossier_ratings_unit ON dossier_ratings (site_id, unit_id, created_at);
CREATE INDEX dossier_ratings_site ON dossier_ratings (site_id, created_at);
