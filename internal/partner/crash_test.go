package partner_test

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// TestSyncCrash runs the sync worker in a child process (this test binary
// again) and kills it with SIGKILL in the middle of deliveries: some kills
// land after the receiver kept an event and before it answered, the worst
// moment. After the restarts every event must be at the receiver exactly
// once by key, every row delivered, and each dossier's events in order.
func TestSyncCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process through several kills")
	}
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) { crashRun(t, eng) })
	}
}

func crashRun(t *testing.T, eng string) {
	url := testdb.URL(t, eng)
	s, err := store.Open(ctx, url, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	s.SetPartners(store.Partners{Sync: true})
	k := newDesk(t, s)
	var codes []string
	for i := range 8 {
		d := k.counter(t, "Nguyễn Văn An", "", false, t0.Add(time.Duration(i)*time.Minute))
		codes = append(codes, d.Code)
		for j, a := range lifecycle {
			d = k.move(t, d, a, t0.Add(time.Duration(j+1)*time.Hour))
		}
	}
	total := len(rows(t, s, k.site, partner.Sync))

	rc := newReceiver(t)
	kill := make(chan struct{}, 1)
	var mu sync.Mutex
	killAfter := map[int]bool{5: true, 13: true, 22: true, 31: true}
	rc.fail = func(n int, ev partner.SyncEvent) (int, bool, time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		if killAfter[n] {
			// Keep the event, then hang until the sender dies: its
			// "delivered" mark never happens.
			select {
			case kill <- struct{}{}:
			default:
			}
			return http.StatusGatewayTimeout, true, time.Minute
		}
		return 0, false, 3 * time.Millisecond
	}
	srv := startReceiver(t, rc)

	kills := 0
	for round := 0; ; round++ {
		if round > 20 {
			t.Fatal("the child never finished")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "CONG_PARTNER_CHILD_DB="+url, "CONG_PARTNER_CHILD_URL="+srv.URL)
		out := &syncBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out.String())
			}
		case <-kill:
			cmd.Process.Signal(syscall.SIGKILL)
			<-exited
			kills++
			continue
		case <-time.After(2 * time.Minute):
			cmd.Process.Signal(syscall.SIGKILL)
			t.Fatalf("child hung\n%s", out.String())
		}
		break
	}
	if kills != len(killAfter) {
		t.Fatalf("%d kills, want %d", kills, len(killAfter))
	}
	items := rows(t, s, k.site, partner.Sync)
	keys, accepted := rc.snapshot()
	dups := 0
	for _, it := range items {
		if it.Status != partner.StatusDelivered {
			t.Fatalf("row %d: %s after the crashes (%s)", it.ID, it.Status, it.LastError)
		}
		if keys[it.Key] == 0 {
			t.Fatalf("row %d never reached the receiver", it.ID)
		}
		dups += keys[it.Key] - 1
	}
	if len(items) != total || len(keys) != total || len(accepted) != total {
		t.Fatalf("%d rows, %d keys, %d kept; want %d", len(items), len(keys), len(accepted), total)
	}
	// Each kill landed after the receiver kept the event: that event went
	// out once more after the restart, and its key made it a no-op.
	if dups != kills {
		t.Fatalf("%d repeated deliveries for %d kills", dups, kills)
	}
	want := "receive:2 process:4 request_fee:6 paid:4 finish:9 return:10 "
	for _, c := range codes {
		if got := statusesOf(accepted, c); got != want {
			t.Fatalf("%s arrived as %q", c, got)
		}
	}
}

// TestSyncCrashChild is the child of TestSyncCrash: it delivers until the
// queue is empty (or it is killed).
func TestSyncCrashChild(t *testing.T) {
	url, target := os.Getenv("CONG_PARTNER_CHILD_DB"), os.Getenv("CONG_PARTNER_CHILD_URL")
	if url == "" {
		t.Skip("only as the child of TestSyncCrash")
	}
	s, err := store.Open(ctx, url, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := partner.NewHTTPSync(partner.HTTPConfig{URL: target, Timeout: 90 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	// The lease is short so that a killed child's row comes back quickly;
	// the hanging receiver answers only by the child's death.
	w := &partner.Worker{Channel: partner.Sync, Queue: s, Target: h, Lease: 1500 * time.Millisecond,
		BackoffMin: 50 * time.Millisecond, BackoffMax: 200 * time.Millisecond, MaxAttempts: 1000}
	for {
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		c, err := s.PartnerCounts(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if c[partner.Sync][partner.StatusPending]+c[partner.Sync][partner.StatusFailed] == 0 {
			fmt.Println("drained")
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.b = append(b.b, p...)
	return len(p), nil
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.b)
}
