package store_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/dossierstats"
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

func TestReserveHit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Unix(1_800_000_030, 0) // 30 s into a minute window
		for want := 1; want <= 3; want++ {
			hits, left, err := s.ReserveHit(ctx, "recover", "10.0.0.1", time.Minute, now)
			if err != nil || hits != want || left != 30*time.Second {
				t.Fatalf("hit %d: %d %v %v", want, hits, left, err)
			}
		}
		if hits, _, _ := s.ReserveHit(ctx, "recover", "10.0.0.2", time.Minute, now); hits != 1 {
			t.Fatalf("another client starts at %d", hits)
		}
		if hits, _, _ := s.ReserveHit(ctx, "submit", "10.0.0.1", time.Minute, now); hits != 1 {
			t.Fatalf("another scope starts at %d", hits)
		}
		if hits, _, _ := s.ReserveHit(ctx, "recover", "10.0.0.1", time.Minute, now.Add(time.Minute)); hits != 1 {
			t.Fatalf("the next window starts at %d", hits)
		}
		n, err := s.PruneRateHits(ctx, now.Add(time.Minute))
		if err != nil || n != 3 {
			t.Fatalf("pruned %d %v", n, err)
		}
	})
}

func recoveryDossier(t *testing.T, s *store.Store, siteID int64, unit catalogue.Unit, proc catalogue.Procedure, key, email string) dossier.Dossier {
	t.Helper()
	d := onlineDossier(siteID, unit, proc, key, "hash-"+key)
	d.ApplicantEmail = email
	if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
		t.Fatal(err)
	}
	return d
}

func privateLinkMails(t *testing.T, s *store.Store, siteID, dossierID int64) []mail.Item {
	t.Helper()
	items, _, err := s.Outbox(ctx, store.OutboxFilter{SiteID: siteID, DossierID: dossierID})
	if err != nil {
		t.Fatal(err)
	}
	var out []mail.Item
	for _, it := range items {
		if it.Kind == mail.PrivateLink {
			out = append(out, it)
		}
	}
	return out
}

func TestRecoverPrivateLink(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		siteID, unit, proc := onlineFixture(t, s)
		d := recoveryDossier(t, s, siteID, unit, proc, "khoa-phuc-hoi-000000001", "le.tam@mail.vn")
		now := time.Now()
		recover := func(contact, token string) store.RecoveryOutcome {
			t.Helper()
			out, err := s.RecoverPrivateLink(ctx, siteID, strings.ToLower(d.Code), contact, token, "h-"+token, now)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		if out := recover("0987654321", "t0"); out != store.RecoverySent {
			t.Fatalf("right phone: %v", out)
		}
		// The link is rotated and mailed to the address on file only.
		if _, err := s.DossierByToken(ctx, siteID, "hash-khoa-phuc-hoi-000000001"); !errors.Is(err, store.ErrNotFound) {
			t.Fatal("the old link still opens the dossier")
		}
		if got, err := s.DossierByToken(ctx, siteID, "h-t0"); err != nil || got.ID != d.ID {
			t.Fatalf("new link: %v", err)
		}
		mails := privateLinkMails(t, s, siteID, d.ID)
		if len(mails) != 1 || mails[0].To != "le.tam@mail.vn" {
			t.Fatalf("mails %+v", mails)
		}
		var md mail.Data
		if err := json.Unmarshal([]byte(mails[0].Data), &md); err != nil || md.Token != "t0" || md.Code != d.Code {
			t.Fatalf("mail data %s %v", mails[0].Data, err)
		}

		// Wrong contacts count; at the budget the code locks, and even the
		// right contact then sends nothing.
		for i := 1; i < dossier.RecoveryBudget; i++ {
			if out := recover("5678", "x"); out != store.RecoveryMismatch {
				t.Fatalf("try %d: %v", i, out)
			}
		}
		if p, _ := s.DossierPrivacy(ctx, d.ID); p.RecoveryFailures != dossier.RecoveryBudget-1 || !p.RecoveryLockedAt.IsZero() {
			t.Fatalf("before the budget: %+v", p)
		}
		if out := recover("khac@mail.vn", "x"); out != store.RecoveryMismatch {
			t.Fatalf("last try: %v", out)
		}
		if out := recover("le.tam@mail.vn", "t1"); out != store.RecoveryLocked {
			t.Fatalf("locked code: %v", out)
		}
		if _, err := s.DossierByToken(ctx, siteID, "h-t1"); !errors.Is(err, store.ErrNotFound) {
			t.Fatal("a locked code rotated the link")
		}
		if p, _ := s.DossierPrivacy(ctx, d.ID); p.RecoveryLockedAt.IsZero() {
			t.Fatalf("not locked: %+v", p)
		}
		// An officer resets it (once).
		if ok, err := s.ResetRecovery(ctx, siteID, d.ID); !ok || err != nil {
			t.Fatalf("reset %v %v", ok, err)
		}
		if ok, _ := s.ResetRecovery(ctx, siteID, d.ID); ok {
			t.Fatal("reset an unlocked code")
		}
		if ok, _ := s.ResetRecovery(ctx, siteID+1, d.ID); ok {
			t.Fatal("reset from another site")
		}
		// Case and spacing of the email do not matter; three mails a day.
		if out := recover(" LE.TAM@mail.vn ", "t2"); out != store.RecoverySent {
			t.Fatalf("after reset: %v", out)
		}
		if out := recover("0987 654 321", "t3"); out != store.RecoverySent {
			t.Fatalf("third: %v", out)
		}
		if out := recover("0987654321", "t4"); out != store.RecoveryThrottled {
			t.Fatalf("fourth in a day: %v", out)
		}
		if got, err := s.DossierByToken(ctx, siteID, "h-t3"); err != nil || got.ID != d.ID {
			t.Fatalf("throttled recovery changed the link: %v", err)
		}

		if out, _ := s.RecoverPrivateLink(ctx, siteID, "KHONG-CO-0001", "0987654321", "x", "h-x", now); out != store.RecoveryUnknownCode {
			t.Fatalf("unknown code: %v", out)
		}
		// No deliverable email on file: nothing to send, nothing rotated.
		p := recoveryDossier(t, s, siteID, unit, proc, "khoa-phuc-hoi-000000002", "")
		if out, _ := s.RecoverPrivateLink(ctx, siteID, p.Code, "0987654321", "y", "h-y", now); out != store.RecoveryNoEmail {
			t.Fatalf("phone-only dossier: %v", out)
		}
		if _, err := s.DossierByToken(ctx, siteID, "hash-khoa-phuc-hoi-000000002"); err != nil {
			t.Fatal("phone-only dossier lost its link")
		}
	})
}

// The retention job erases closed dossiers' personal data and nothing the
// statistics read: the figures of every period are the same before and
// after.
func TestErasePersonalDataKeepsStatistics(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{SMS: true})
		f := newStatsFixture(t, s)
		cal := testCal()
		now := vn(2026, 3, 20, 10, 30)
		rng := rand.New(rand.NewPCG(3, 5))
		units := []catalogue.Unit{f.root, f.child, f.former, f.other}
		var ds []store.HistoricalDossier
		for range 600 {
			h := randomDossier(rng, f, units, vn(2025, 1, 1, 0, 0), now, cal)
			h.ApplicantIDNumber, h.ApplicantPhone, h.ApplicantEmail, h.ApplicantAddress = "001190001234", "0912345678", "a@mail.vn", "Thôn Đông"
			ds = append(ds, h)
		}
		if err := s.InsertHistoricalDossiers(ctx, ds); err != nil {
			t.Fatal(err)
		}
		// One online dossier refused, with a file, form 03 and mail.
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "cccd.pdf"), []byte("%PDF-1.4"), 0o600); err != nil {
			t.Fatal(err)
		}
		o := dossier.Dossier{SiteID: f.site, ProcedureID: f.procOnline.ID, UnitID: f.root.ID, Channel: dossier.Online, Status: dossier.New,
			ApplicantName: "Lê Văn Tám", ApplicantIDNumber: "001095000123", ApplicantDOB: "1995-01-02", ApplicantPhone: "0987654321",
			ApplicantEmail: "le.tam@mail.vn", ApplicantAddress: "Thôn Nam", PrivateTokenHash: "hash-o", SubmittedAt: vn(2025, 6, 2, 8, 0)}
		files := []store.DossierFile{{Kind: "component", Name: "CCCD Lê Văn Tám.pdf", StoredName: "cccd.pdf", Mime: "application/pdf", Size: 8, SHA256: "x"}}
		if _, err := s.SubmitDossier(ctx, &o, files); err != nil {
			t.Fatal(err)
		}
		o, _ = s.Dossier(ctx, f.site, o.ID)
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: o, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Desk, Note: "Sai thẩm quyền", Now: vn(2025, 6, 2, 9, 0)}}); err != nil {
			t.Fatal(err)
		}

		periods := []dossierstats.Period{dossierstats.MonthOf(2026, 3), dossierstats.MonthOf(2025, 6), dossierstats.QuarterOf(2025, 4), dossierstats.QuarterOf(2026, 1)}
		stats := func() []map[int64]dossierstats.Counts {
			var out []map[int64]dossierstats.Counts
			for _, p := range periods {
				raw, err := s.DossierStats(ctx, f.site, store.DossierStatsQuery{From: p.From, To: p.To, AsOf: p.AsOf(now), Clock: cal})
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, raw)
			}
			return out
		}
		monthly := func() string {
			m, _ := s.DossierMonthly(ctx, f.site, []time.Time{vn(2025, 1, 1, 0, 0), vn(2026, 4, 1, 0, 0)}, nil)
			b, _ := json.Marshal(m)
			return string(b)
		}
		before, beforeMonthly := stats(), monthly()

		// Off by default: nothing is erased.
		if res, err := s.ErasePersonalData(ctx, now, dir); err != nil || res.Dossiers != 0 {
			t.Fatalf("retention off erased %+v %v", res, err)
		}
		if err := s.SetRetentionMonths(ctx, f.site, 6); err != nil {
			t.Fatal(err)
		}
		res, err := s.ErasePersonalData(ctx, now, dir)
		if err != nil || res.Dossiers == 0 || res.Files != 1 {
			t.Fatalf("erased %+v %v", res, err)
		}
		after, afterMonthly := stats(), monthly()
		for i := range periods {
			for _, u := range units {
				if before[i][u.ID] != after[i][u.ID] {
					t.Errorf("%s %s changed:\n before %+v\n  after %+v", periods[i].Key, u.Code, before[i][u.ID], after[i][u.ID])
				}
			}
		}
		if beforeMonthly != afterMonthly {
			t.Errorf("monthly rows changed:\n%s\n%s", beforeMonthly, afterMonthly)
		}

		// What went: the refused dossier's personal fields, link, files,
		// forms' and mails' personal fields, the name in its history.
		e, _ := s.Dossier(ctx, f.site, o.ID)
		if e.ApplicantName != "" || e.ApplicantIDNumber != "" || e.ApplicantDOB != "" || e.ApplicantPhone != "" || e.ApplicantEmail != "" ||
			e.ApplicantAddress != "" || e.PrivateTokenHash != "" || e.Status != dossier.Refused || !e.SubmittedAt.Equal(o.SubmittedAt) {
			t.Fatalf("after erasure %+v", e)
		}
		if p, _ := s.DossierPrivacy(ctx, o.ID); p.ErasedAt.IsZero() {
			t.Fatal("erasure not recorded")
		}
		if _, err := os.Stat(filepath.Join(dir, "cccd.pdf")); !os.IsNotExist(err) {
			t.Fatalf("file still on disk: %v", err)
		}
		if fs, _ := s.DossierFiles(ctx, o.ID); len(fs) != 0 {
			t.Fatalf("file rows %+v", fs)
		}
		ev, _ := s.DossierEvents(ctx, o.ID)
		if len(ev) != 2 || ev[0].ActorLabel != dossier.ErasedLabel || ev[1].Note != "Sai thẩm quyền" {
			t.Fatalf("events %+v", ev)
		}
		sms, _, _ := s.PartnerOutbox(ctx, store.PartnerFilter{SiteID: f.site, Channel: partner.SMS, Limit: 1000})
		erasedSMS := 0
		for _, it := range sms {
			if it.DossierID == o.ID {
				erasedSMS++
				if it.Recipient != "" || it.Status != partner.StatusDead {
					t.Fatalf("SMS row after erasure %+v", it)
				}
			}
		}
		if erasedSMS != 1 {
			t.Fatalf("%d SMS rows of the refused dossier", erasedSMS)
		}
		_, fd, err := s.DossierFormData(ctx, o.ID, 3, 0)
		if err != nil || fd.ApplicantName != dossier.ErasedLabel || fd.ApplicantPhone != "" || fd.ApplicantID != "" || fd.Reason != "Sai thẩm quyền" {
			t.Fatalf("form 03 %+v %v", fd, err)
		}
		items, _, _ := s.Outbox(ctx, store.OutboxFilter{SiteID: f.site, DossierID: o.ID})
		if len(items) == 0 {
			t.Fatal("no mail to check")
		}
		for _, it := range items {
			if strings.Contains(it.Data, "Tám") || it.To == "le.tam@mail.vn" {
				t.Fatalf("mail keeps personal data: %+v", it)
			}
		}
		// Open dossiers and recent ones keep theirs; a second run erases
		// nothing; the history is still append-only otherwise.
		kept := 0
		for _, h := range ds {
			d, _ := s.DossierByCode(ctx, f.site, h.Code)
			erased := d.ApplicantIDNumber == ""
			if erased && (!dossier.Closed(d.Status) || d.UpdatedAt.After(now.AddDate(0, -6, 0))) {
				t.Fatalf("erased %s (status %d, updated %s)", d.Code, d.Status, d.UpdatedAt)
			}
			if !erased {
				kept++
			}
		}
		if kept == 0 {
			t.Fatal("every dossier erased: the fixture tests nothing")
		}
		if res, _ := s.ErasePersonalData(ctx, now, dir); res.Dossiers != 0 {
			t.Fatalf("second run erased %d", res.Dossiers)
		}
		if _, err := s.DB().ExecContext(ctx, rebind(s, `UPDATE dossier_events SET note = 'sửa' WHERE dossier_id = ?`), o.ID); err == nil {
			t.Fatal("the history accepted an edit")
		}
		if _, err := s.DB().ExecContext(ctx, rebind(s, `UPDATE dossier_events SET actor_label = 'X' WHERE dossier_id = ?`), o.ID); err == nil {
			t.Fatal("the history accepted another label")
		}
	})
}

func rebind(s *store.Store, q string) string {
	if s.Dialect() != store.Postgres {
		return q
	}
	n := 0
	var b strings.Builder
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteString("$" + string(rune('0'+n)))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
