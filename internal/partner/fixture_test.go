package partner_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
)

var ctx = context.Background()

// desk is a site with one unit, one procedure and one specialist, enough
// to move dossiers through the real store.
type desk struct {
	s          *store.Store
	site       int64
	unit       catalogue.Unit
	proc       catalogue.Procedure
	specialist int64
}

func newDesk(t testing.TB, s *store.Store) *desk {
	t.Helper()
	st, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng tỉnh thử"})
	if err != nil {
		t.Fatal(err)
	}
	d := &desk{s: s, site: st.ID}
	d.unit = catalogue.Unit{SiteID: st.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
	if err := s.CreateUnit(ctx, &d.unit); err != nil {
		t.Fatal(err)
	}
	d.proc = catalogue.Procedure{SiteID: st.ID, Code: "1.001234", Slug: "cap-phieu-ly-lich-tu-phap", Name: "Cấp Phiếu lý lịch tư pháp",
		Level: catalogue.LevelFull, TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: d.unit.ID}}}
	if err := s.SaveProcedure(ctx, &d.proc); err != nil {
		t.Fatal(err)
	}
	u := store.UserRecord{User: auth.User{SiteID: st.ID, Username: "chuyenvien", Name: "Chuyên viên", Role: auth.RoleOfficer}, PasswordHash: "x"}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	d.specialist = u.ID
	return d
}

// counter enters a dossier at the counter (event "submit", status 2).
func (k *desk) counter(t testing.TB, name, phone string, optOut bool, at time.Time) dossier.Dossier {
	t.Helper()
	d := dossier.Dossier{SiteID: k.site, ProcedureID: k.proc.ID, UnitID: k.unit.ID, Channel: dossier.Counter,
		ApplicantName: name, ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: phone,
		ReceivedAt: at, DueAt: at.Add(72 * time.Hour), SMSOptOut: optOut}
	if err := k.s.CreateCounterDossier(ctx, &d, "Cán bộ một cửa", nil); err != nil {
		t.Fatal(err)
	}
	got, err := k.s.Dossier(ctx, k.site, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// lifecycle are the moves after a counter entry: 2 → 4 → 6 → 4 → 9 → 10.
var lifecycle = []dossier.Action{dossier.ActProcess, dossier.ActRequestFee, dossier.ActPaid, dossier.ActFinish, dossier.ActReturn}

func (k *desk) move(t testing.TB, d dossier.Dossier, a dossier.Action, at time.Time) dossier.Dossier {
	t.Helper()
	in := dossier.Input{Action: a, Who: dossier.Desk | dossier.Specialist, Now: at, ActorID: k.specialist, Actor: "Chuyên viên"}
	switch a {
	case dossier.ActProcess:
		in.Assignee = k.specialist
	case dossier.ActFinish:
		in.ResultFile = "2026/03/kq"
	}
	next, err := k.s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in})
	if err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	return next
}

// receiver is the national portal's side of the contract: it takes a
// POST of JSON with an Idempotency-Key, keeps each key once, and answers
// 409 to a key it already has. fail, when set, decides per request
// whether to fail it (and how) before or after keeping it.
type receiver struct {
	t     testing.TB
	token string

	mu       sync.Mutex
	keys     map[string]int // deliveries per key, duplicates included
	accepted []partner.SyncEvent
	requests int
	fail     func(n int, ev partner.SyncEvent) (status int, keepFirst bool, delay time.Duration)
}

func newReceiver(t testing.TB) *receiver { return &receiver{t: t, keys: map[string]int{}} }

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if rc.token != "" && r.Header.Get("Authorization") != "Bearer "+rc.token {
		http.Error(w, "unauthorised", http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var ev partner.SyncEvent
	if err := json.Unmarshal(body, &ev); err != nil || ev.DossierCode == "" {
		http.Error(w, "bad json", http.StatusUnprocessableEntity)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if key == "" || key != ev.Key {
		http.Error(w, "missing key", http.StatusBadRequest)
		return
	}
	rc.mu.Lock()
	rc.requests++
	n := rc.requests
	f := rc.fail
	rc.mu.Unlock()
	status, keepFirst, delay := 0, false, time.Duration(0)
	if f != nil {
		status, keepFirst, delay = f(n, ev)
	}
	keep := func() bool {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		rc.keys[key]++
		dup := rc.keys[key] > 1
		if !dup {
			rc.accepted = append(rc.accepted, ev)
		}
		return dup
	}
	if status != 0 && keepFirst {
		// Kept, but the answer is lost (late, or never: the sender may
		// die meanwhile): the sender must retry and get 409.
		keep()
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if status != 0 {
		http.Error(w, "unavailable", status)
		return
	}
	if keep() {
		http.Error(w, "duplicate", http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (rc *receiver) snapshot() (map[string]int, []partner.SyncEvent) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	keys := make(map[string]int, len(rc.keys))
	for k, v := range rc.keys {
		keys[k] = v
	}
	return keys, append([]partner.SyncEvent(nil), rc.accepted...)
}

// fakeClock drives the worker and the queue's "due" test together.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func syncWorker(t testing.TB, s *store.Store, url string, clk *fakeClock, timeout time.Duration) *partner.Worker {
	t.Helper()
	target, err := partner.NewHTTPSync(partner.HTTPConfig{URL: url, Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return &partner.Worker{Channel: partner.Sync, Queue: s, Target: target, Now: clk.Now, MaxAttempts: 5,
		BackoffMin: time.Second, BackoffMax: 8 * time.Second, Lease: timeout + time.Second}
}

func rows(t testing.TB, s *store.Store, site int64, ch partner.Channel) []partner.Item {
	t.Helper()
	items, _, err := s.PartnerOutbox(ctx, store.PartnerFilter{SiteID: site, Channel: ch, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func startReceiver(t testing.TB, rc *receiver) *httptest.Server {
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	return srv
}

func statusesOf(evs []partner.SyncEvent, code string) string {
	out := ""
	for _, e := range evs {
		if e.DossierCode == code {
			out += fmt.Sprintf("%s:%d ", e.Action, e.Status)
		}
	}
	return out
}
