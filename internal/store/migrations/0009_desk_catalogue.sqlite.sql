-- Public-service desk catalogue: administrative units and procedures.
-- Units form a tree (province → departments, communes). A unit with valid_to
-- set is a former unit (e.g. a district dissolved on 01/07/2025): it stays as
-- read-only history so old dossiers keep their unit, but it is not offered
-- for new dossiers.
CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    parent_id  INTEGER REFERENCES units(id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('province', 'department', 'district', 'commune', 'agency')),
    address    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    valid_from DATE,
    valid_to   DATE,
    position   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (site_id, code)
);
CREATE INDEX units_parent ON units (parent_id);

-- search_text is the folded (accent-free, lower-case, abbreviations
-- expanded) code, name and field, computed in Go so both engines match the
-- same way; the catalogue is a few thousand rows per site at most.
CREATE TABLE procedures (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    code        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    field       TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL CHECK (level IN ('full', 'partial', 'none')),
    time_amount INTEGER NOT NULL,
    time_unit   TEXT NOT NULL CHECK (time_unit IN ('working_days', 'days', 'working_hours')),
    fees        TEXT NOT NULL DEFAULT '',
    steps       TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL DEFAULT '',
    result      TEXT NOT NULL DEFAULT '',
    applicant   TEXT NOT NULL DEFAULT '',
    conditions  TEXT NOT NULL DEFAULT '',
    published   BOOLEAN NOT NULL DEFAULT FALSE,
    search_text TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (site_id, code),
    UNIQUE (site_id, slug)
);
CREATE INDEX procedures_site_field ON procedures (site_id, published, field);

CREATE TABLE procedure_units (
    procedure_id INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (procedure_id, unit_id)
);
CREATE INDEX procedure_units_unit ON procedure_units (unit_id);

-- template_file is the stored name under <data>/desk-templates/; it is served
-- only through /thu-tuc/{slug}/mau/{id}, never from a public folder.
CREATE TABLE procedure_components (
    id            INTEGER PRIMARY KEY,
    procedure_id  INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL DEFAULT 0,
    name          TEXT NOT NULL,
    required      BOOLEAN NOT NULL DEFAULT TRUE,
    copies        INTEGER NOT NULL DEFAULT 1,
    template_file TEXT,
    template_name TEXT
);
CREATE INDEX procedure_components_proc ON procedure_components (procedure_id, position);
