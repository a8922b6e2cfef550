-- The paper forms of TT 01/2018 (mẫu 01–05) issued for a dossier. A row is
-- written in the transaction of the move that calls for the form, so the
-- form exists exactly when the move happened; data is the JSON snapshot of
-- what the form prints (internal/forms.Data), from which the PDF is drawn
-- the same every time. A dossier may have several of a kind (two
-- supplement requests, two apologies): the latest is the current one.
CREATE TABLE dossier_forms (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    form       INTEGER NOT NULL CHECK (form BETWEEN 1 AND 5),
    created_at TIMESTAMP NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX dossier_forms_dossier ON dossier_forms (dossier_id, form, id);
