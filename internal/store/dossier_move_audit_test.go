package store_test

import (
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The audit entry of a move is written in the move's transaction: when the
// audit insert fails the move does not happen (status, version, history and
// day summaries unchanged), and when the move happens its audit row is there.
func TestMoveAuditInsideTransaction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newDeskFixture(t, s)
		d := f.counter(t, s, f.unitA, "Trần Văn Bình", time.Date(2026, 3, 2, 9, 0, 0, 0, dossier.Loc))
		evBefore, err := s.DossierEvents(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		req := store.MoveRequest{Before: d,
			Input: dossier.Input{Action: dossier.ActProcess, Who: dossier.Desk, ActorID: f.officer.ID, Actor: "Cán bộ 0", Now: time.Now(), Assignee: f.specialist.ID},
			Audit: &store.AuditEntry{SiteID: f.site, UserID: f.officer.ID, Username: f.officer.Username, Action: "dossier.process", IP: "192.0.2.1"}}

		// Same statement on both engines: the audit table is gone for a moment.
		if _, err := s.DB().ExecContext(ctx, `ALTER TABLE audit_log RENAME TO audit_log_away`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveDossier(ctx, req); err == nil {
			t.Fatal("move succeeded although its audit entry could not be written")
		}
		if _, err := s.DB().ExecContext(ctx, `ALTER TABLE audit_log_away RENAME TO audit_log`); err != nil {
			t.Fatal(err)
		}
		got, err := s.Dossier(ctx, f.site, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != dossier.Received || got.Version != d.Version || got.AssigneeID != 0 {
			t.Fatalf("failed move left a trace: status %d version %d (was %d) assignee %d", got.Status, got.Version, d.Version, got.AssigneeID)
		}
		if ev, _ := s.DossierEvents(ctx, d.ID); len(ev) != len(evBefore) {
			t.Fatalf("failed move left %d events, want %d", len(ev), len(evBefore))
		}

		after, err := s.MoveDossier(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if after.Status != dossier.Processing || after.Version != d.Version+1 {
			t.Fatalf("after move: status %d version %d", after.Status, after.Version)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{SiteID: f.site, Action: "dossier.process"})
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 1 {
			t.Fatalf("audit rows for the move: %d, want 1", len(log))
		}
		e := log[0]
		want := d.Code + ": " + dossier.Received.String() + " → " + dossier.Processing.String()
		if e.ObjectType != "dossier" || e.ObjectID != d.ID || e.Detail != want || e.Username != f.officer.Username || e.UserID != f.officer.ID || e.IP != "192.0.2.1" {
			t.Fatalf("audit entry %+v, want detail %q", e, want)
		}

		// A stale move writes no audit row either.
		if _, err := s.MoveDossier(ctx, req); err == nil {
			t.Fatal("stale move accepted")
		}
		if log, _ := s.AuditLog(ctx, store.AuditFilter{SiteID: f.site, Action: "dossier.process"}); len(log) != 1 {
			t.Fatalf("audit rows after a stale move: %d, want 1", len(log))
		}
	})
}
