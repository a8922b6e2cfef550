package partner_test

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, dossier.Loc)

// drain runs passes, moving the clock past every backoff, until nothing
// is pending or failed, and fails the test if that never happens.
func drain(t *testing.T, w *partner.Worker, s *store.Store, site int64, clk *fakeClock) {
	t.Helper()
	for range 200 {
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		c, err := s.PartnerCounts(ctx, site)
		if err != nil {
			t.Fatal(err)
		}
		if c[w.Channel][partner.StatusPending]+c[w.Channel][partner.StatusFailed] == 0 {
			return
		}
		clk.Add(10 * time.Second)
	}
	t.Fatal("the queue never drained")
}

// Every event of every dossier reaches the portal exactly once and in the
// dossier's order, through a receiver that fails a third of the requests
// with 5xx, loses some answers after keeping the event (the retry gets
// 409) and answers some too slowly for the client's timeout.
func TestSyncDeliversEveryEventOnceInOrder(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true})
		k := newDesk(t, s)
		rc := newReceiver(t)
		rng := rand.New(rand.NewPCG(1, 2))
		rc.fail = func(n int, ev partner.SyncEvent) (int, bool, time.Duration) {
			switch x := rng.IntN(10); {
			case x < 2:
				return http.StatusServiceUnavailable, false, 0
			case x < 3:
				return http.StatusGatewayTimeout, true, 0
			case x < 4:
				return 0, false, 400 * time.Millisecond // past the 150 ms timeout
			}
			return 0, false, 0
		}
		srv := startReceiver(t, rc)
		clk := &fakeClock{t: t0.Add(6 * time.Hour)}
		w := syncWorker(t, s, srv.URL, clk, 150*time.Millisecond)
		w.MaxAttempts = 100
		var codes []string
		for i := range 3 {
			d := k.counter(t, "Trần Văn Bình", "0912345678", false, t0.Add(time.Duration(i)*time.Minute))
			codes = append(codes, d.Code)
			for j, a := range lifecycle {
				d = k.move(t, d, a, t0.Add(time.Duration(j+1)*time.Hour))
				if j == 1 {
					// Deliveries interleave with new events.
					if _, err := w.RunOnce(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		drain(t, w, s, k.site, clk)
		items := rows(t, s, k.site, partner.Sync)
		if len(items) != 3*(1+len(lifecycle)) {
			t.Fatalf("%d rows, want %d", len(items), 3*(1+len(lifecycle)))
		}
		keys, accepted := rc.snapshot()
		for _, it := range items {
			if it.Status != partner.StatusDelivered || keys[it.Key] == 0 {
				t.Fatalf("row %d %s: status %s, received %d times", it.ID, it.Kind, it.Status, keys[it.Key])
			}
		}
		if len(accepted) != len(items) || len(keys) != len(items) {
			t.Fatalf("receiver kept %d events under %d keys, want %d", len(accepted), len(keys), len(items))
		}
		want := "receive:2 process:4 request_fee:6 paid:4 finish:9 return:10 "
		for _, c := range codes {
			if got := statusesOf(accepted, c); got != want {
				t.Fatalf("%s arrived as %q, want %q", c, got, want)
			}
		}
		e := accepted[0]
		if e.ProcedureCode != "1.001234" || e.UnitCode != "STP" || e.Channel != 1 || e.ChannelName != "Trực tiếp" ||
			e.ReceivedAt.IsZero() || e.DueAt.IsZero() || e.FeePaid != nil || !strings.HasSuffix(e.At.Format(time.RFC3339), "+07:00") {
			t.Fatalf("payload: %+v", e)
		}
	})
}

// A row that keeps failing goes dead after MaxAttempts; it stops blocking
// its dossier; the admin's retry gives it a fresh start.
func TestSyncDeadLetterAndRetry(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true})
		k := newDesk(t, s)
		rc := newReceiver(t)
		down := true
		rc.fail = func(n int, ev partner.SyncEvent) (int, bool, time.Duration) {
			if down && ev.Action == "receive" {
				return http.StatusInternalServerError, false, 0
			}
			return 0, false, 0
		}
		srv := startReceiver(t, rc)
		clk := &fakeClock{t: t0.Add(2 * time.Hour)}
		w := syncWorker(t, s, srv.URL, clk, time.Second)
		w.MaxAttempts = 3
		d := k.counter(t, "Lê Thị Cúc", "", false, t0)
		k.move(t, d, dossier.ActProcess, t0.Add(time.Hour))

		// While the first event is retried, the second waits its turn.
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		items := rows(t, s, k.site, partner.Sync) // newest first
		if items[1].Status != partner.StatusFailed || items[1].Attempts != 1 || items[0].Status != partner.StatusPending || items[0].Attempts != 0 ||
			!strings.Contains(items[1].LastError, "500") {
			t.Fatalf("after one pass: %+v", items)
		}
		if !items[1].NextAttemptAt.After(clk.Now()) || items[1].NextAttemptAt.After(clk.Now().Add(w.Backoff(1))) {
			t.Fatalf("next attempt %v, now %v", items[1].NextAttemptAt, clk.Now())
		}
		drain(t, w, s, k.site, clk)
		items = rows(t, s, k.site, partner.Sync)
		if items[1].Status != partner.StatusDead || items[1].Attempts != 3 || items[0].Status != partner.StatusDelivered {
			t.Fatalf("after draining: %+v", items)
		}
		c, _ := s.PartnerCounts(ctx, k.site)
		if c[partner.Sync][partner.StatusDead] != 1 || c[partner.Sync][partner.StatusDelivered] != 1 {
			t.Fatalf("counts %v", c)
		}
		if err := s.RetryPartner(ctx, k.site+1, items[1].ID, clk.Now()); err != store.ErrNotFound {
			t.Fatalf("retry on another site: %v", err)
		}
		down = false
		if n, err := s.RetryDeadPartner(ctx, k.site, partner.Sync, clk.Now()); err != nil || n != 1 {
			t.Fatalf("retry dead: %d %v", n, err)
		}
		drain(t, w, s, k.site, clk)
		items = rows(t, s, k.site, partner.Sync)
		if items[1].Status != partner.StatusDelivered || items[1].Attempts != 1 || items[1].LastError != "" {
			t.Fatalf("after retry: %+v", items[1])
		}
		if keys, _ := rc.snapshot(); len(keys) != 2 {
			t.Fatalf("receiver has %d keys", len(keys))
		}
	})
}

// Two workers on one database (two instances) deliver each row once.
func TestSyncTwoWorkers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true})
		k := newDesk(t, s)
		rc := newReceiver(t)
		rc.fail = func(int, partner.SyncEvent) (int, bool, time.Duration) { return 0, false, 5 * time.Millisecond }
		srv := startReceiver(t, rc)
		for i := range 8 {
			d := k.counter(t, "Phạm Minh Đức", "", false, t0.Add(time.Duration(i)*time.Minute))
			k.move(t, d, dossier.ActProcess, t0.Add(time.Hour))
		}
		clk := &fakeClock{t: t0.Add(2 * time.Hour)}
		a, b := syncWorker(t, s, srv.URL, clk, time.Second), syncWorker(t, s, srv.URL, clk, time.Second)
		done := make(chan error, 2)
		for _, w := range []*partner.Worker{a, b} {
			go func() {
				for range 20 {
					if _, err := w.RunOnce(ctx); err != nil {
						done <- err
						return
					}
				}
				done <- nil
			}()
		}
		for range 2 {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		keys, accepted := rc.snapshot()
		if len(accepted) != 16 {
			t.Fatalf("%d accepted", len(accepted))
		}
		for k, n := range keys {
			if n != 1 {
				t.Fatalf("key %s delivered %d times", k, n)
			}
		}
	})
}

// The bearer token from config goes with every request; a refusal (401)
// is retried, not lost.
func TestSyncBearerToken(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true})
		k := newDesk(t, s)
		rc := newReceiver(t)
		rc.token = "bi-mat"
		srv := startReceiver(t, rc)
		clk := &fakeClock{t: t0}
		k.counter(t, "Vũ Thị Em", "", false, t0)
		bad, _ := partner.NewHTTPSync(partner.HTTPConfig{URL: srv.URL, Token: "sai"})
		w := &partner.Worker{Channel: partner.Sync, Queue: s, Target: bad, Now: clk.Now, BackoffMin: time.Second}
		if res, err := w.RunOnce(ctx); err != nil || res.Retried != 1 {
			t.Fatalf("wrong token: %+v %v", res, err)
		}
		good, _ := partner.NewHTTPSync(partner.HTTPConfig{URL: srv.URL, Token: "bi-mat"})
		w.Target = good
		clk.Add(time.Minute)
		if res, err := w.RunOnce(ctx); err != nil || res.Delivered != 1 {
			t.Fatalf("right token: %+v %v", res, err)
		}
	})
}

// Nothing is recorded for a channel that is not configured.
func TestPartnersOffRecordNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		k := newDesk(t, s)
		d := k.counter(t, "Ngô Văn Giang", "0912345678", false, t0)
		k.move(t, d, dossier.ActProcess, t0.Add(time.Hour))
		c, err := s.PartnerCounts(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		for ch, m := range c {
			if len(m) != 0 {
				t.Fatalf("%s: %v", ch, m)
			}
		}
	})
}

// A payload that is not JSON goes dead at once: no retry can fix it.
func TestSyncUndeliverable(t *testing.T) {
	h, _ := partner.NewHTTPSync(partner.HTTPConfig{URL: "http://127.0.0.1:1"})
	err := h.Deliver(ctx, partner.Item{Payload: "{", Key: "k"})
	if err == nil || !strings.Contains(err.Error(), "hỏng") {
		t.Fatal(err)
	}
	var ev partner.SyncEvent
	if json.Unmarshal([]byte(`{"fee_paid":null}`), &ev) != nil || ev.FeePaid != nil {
		t.Fatal("fee_paid null must read as unknown")
	}
}

// A partner that says when to come back (429 or 503 with Retry-After) is
// not asked again before then.
func TestSyncRetryAfter(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true})
		k := newDesk(t, s)
		busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "600")
			http.Error(w, "quá tải", http.StatusTooManyRequests)
		}))
		defer busy.Close()
		k.counter(t, "Tạ Thị Oanh", "", false, t0)
		clk := &fakeClock{t: t0.Add(time.Hour)}
		w := syncWorker(t, s, busy.URL, clk, time.Second)
		if res, err := w.RunOnce(ctx); err != nil || res.Retried != 1 {
			t.Fatalf("%+v %v", res, err)
		}
		it := rows(t, s, k.site, partner.Sync)[0]
		if wait := it.NextAttemptAt.Sub(clk.Now()); wait != 10*time.Minute || !strings.Contains(it.LastError, "HTTP 429") {
			t.Fatalf("next attempt in %v (%s)", wait, it.LastError)
		}
	})
}
