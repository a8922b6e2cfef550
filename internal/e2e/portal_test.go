package e2e

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/demo"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/visitors"
	"github.com/congportal/cong/internal/web"
)

// illustrationPath serves testdata/mot-cua.svg, a drawing of a one-stop
// desk, as the image the editor inserts.
const illustrationPath = "/anh-minh-hoa/mot-cua.svg"

// portal is a running Cổng on a fresh database with the demo content and
// two staff accounts whose passwords the test knows.
type portal struct {
	base   string
	st     *store.Store
	siteID int64
	cats   []news.Category
}

var staff = []struct {
	username, name, password string
	role                     auth.Role
}{
	{"bientap", "Nguyễn Thị Lan", "Bien-tap-vien-2026!", auth.RoleEditor},
	{"duyet", "Trần Văn Minh", "Nguoi-duyet-tin-2026!", auth.RoleApprover},
}

func password(username string) string {
	for _, s := range staff {
		if s.username == username {
			return s.password
		}
	}
	panic("no such test user " + username)
}

// syncBuffer collects the server log, shown when a test fails.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startPortal(t *testing.T, engine string) *portal {
	t.Helper()
	ctx := context.Background()
	st := testdb.Open(t, engine)
	site, err := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng thông tin điện tử", Description: "Cổng thông tin điện tử"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, st, site.ID); err != nil {
		t.Fatal(err)
	}
	for _, s := range staff {
		h, err := auth.HashPassword(s.password)
		if err != nil {
			t.Fatal(err)
		}
		u := &store.UserRecord{User: auth.User{SiteID: site.ID, Username: s.username, Name: s.name, Role: s.role}, PasswordHash: h}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	cats, err := st.Categories(ctx, site.ID)
	if err != nil || len(cats) == 0 {
		t.Fatalf("categories: %v (%d)", err, len(cats))
	}
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	t.Cleanup(func() {
		if t.Failed() && logs.String() != "" {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	counter := visitors.New(st, visitors.Options{SiteID: site.ID, Window: 30 * time.Minute, Location: hcm, Logger: logger})
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: st, Counter: counter, SiteID: site.ID, BaseURL: base, Proxies: proxies,
		Location: hcm, Logger: logger, Version: "e2e", MediaDir: filepath.Join(t.TempDir(), "media")})
	if err != nil {
		t.Fatal(err)
	}
	illustration, err := os.ReadFile(filepath.Join("testdata", "mot-cua.svg"))
	if err != nil {
		t.Fatal(err)
	}
	// The portal, plus one illustration for the articles the tests write
	// (same origin, so the CSP's img-src 'self' allows it).
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == illustrationPath {
			w.Header().Set("Content-Type", "image/svg+xml")
			w.Write(illustration)
			return
		}
		srv.ServeHTTP(w, r)
	})
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}}
	ts.Start()
	t.Cleanup(ts.Close)
	return &portal{base: base, st: st, siteID: site.ID, cats: cats}
}

func (p *portal) article(t *testing.T, id int64) news.Article {
	t.Helper()
	a, err := p.st.Article(context.Background(), p.siteID, id)
	if err != nil {
		t.Fatalf("article %d: %v", id, err)
	}
	return a
}
