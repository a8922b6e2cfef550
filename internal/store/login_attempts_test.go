package store_test

import (
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Parallel reservations are counted one by one: exactly max succeed.
func TestReserveAttemptIsAtomic(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		var mu sync.Mutex
		var wg sync.WaitGroup
		taken, refused := 0, 0
		for range 30 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, retry, err := s.ReserveAttempt(ctx, "k", 5, 15*time.Minute, now)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					t.Error(err)
				case ok:
					taken++
				case retry != 15*time.Minute:
					t.Errorf("retry %v, want the window's end", retry)
				default:
					refused++
				}
			}()
		}
		wg.Wait()
		if taken != 5 || refused != 25 {
			t.Fatalf("taken %d, refused %d; want 5 and 25", taken, refused)
		}
		// The window ends: a fresh budget.
		if ok, _, err := s.ReserveAttempt(ctx, "k", 5, 15*time.Minute, now.Add(15*time.Minute)); err != nil || !ok {
			t.Fatalf("after the window: %v %v", ok, err)
		}
		// A released attempt is given back.
		for range 4 {
			s.ReserveAttempt(ctx, "k", 5, 15*time.Minute, now.Add(15*time.Minute))
		}
		if err := s.ReleaseAttempt(ctx, "k"); err != nil {
			t.Fatal(err)
		}
		if ok, _, _ := s.ReserveAttempt(ctx, "k", 5, 15*time.Minute, now.Add(15*time.Minute)); !ok {
			t.Fatal("released attempt not given back")
		}
	})
}

// The slow key follows auth.Throttle.AccountDelay, and refused attempts do
// not lengthen the delay.
func TestReserveSlowAttemptDelays(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		th := auth.Throttle{Window: 15 * time.Minute, AccountFree: 2, AccountDelayStep: 2 * time.Second, AccountDelayMax: 5 * time.Second}
		at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		reserve := func() (bool, time.Duration) {
			t.Helper()
			ok, retry, err := s.ReserveSlowAttempt(ctx, "a|x", th.AccountFree, th.AccountDelayStep, th.AccountDelayMax, th.Window, at)
			if err != nil {
				t.Fatal(err)
			}
			return ok, retry
		}
		for n := 1; n <= 6; n++ {
			ok, _ := reserve()
			if !ok {
				t.Fatalf("attempt %d refused outside any delay", n)
			}
			want := th.AccountDelay(n)
			if want == 0 {
				continue
			}
			for range 3 {
				if ok, retry := reserve(); ok || retry != want {
					t.Fatalf("after attempt %d: ok=%v retry %v, want refused for %v", n, ok, retry, want)
				}
			}
			at = at.Add(want)
		}
		if th.AccountDelay(6) != th.AccountDelayMax {
			t.Fatalf("delay not capped: %v", th.AccountDelay(6))
		}
		// Purged once the window is over and the delay has passed.
		if err := s.PurgeAttempts(ctx, th.Window, at.Add(th.Window)); err != nil {
			t.Fatal(err)
		}
		at = at.Add(th.Window)
		if ok, _ := reserve(); !ok {
			t.Fatal("purged key still delayed")
		}
	})
}
