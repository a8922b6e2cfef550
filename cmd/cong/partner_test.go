package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// serve's wiring: with --sync-url and --sms-url set, a dossier entered at
// the counter reaches the national portal (with the token from its file)
// and the applicant's phone, and the workers stop with the server.
func TestServePartners(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		var mu sync.Mutex
		got := map[string][]string{}
		recv := func(name string) *httptest.Server {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				if name == "sync" && r.Header.Get("Authorization") != "Bearer khoa-dvc" {
					http.Error(w, "no", http.StatusUnauthorized)
					return
				}
				mu.Lock()
				got[name] = append(got[name], string(b))
				mu.Unlock()
			}))
			t.Cleanup(srv.Close)
			return srv
		}
		syncSrv, smsSrv := recv("sync"), recv("sms")
		tok := filepath.Join(t.TempDir(), "token")
		os.WriteFile(tok, []byte("khoa-dvc\n"), 0o600)
		c := config.Config{BaseURL: "https://dichvucong.tinh.gov.vn", FlushInterval: time.Second, BackupKeep: 1, PartnerKeep: time.Hour,
			SyncURL: syncSrv.URL, SyncTokenFile: tok, SMSURL: smsSrv.URL, SMSBrand: "UBND TINH", SMSASCII: true}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done, err := startPartners(ctx, &c, st, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		site, _ := st.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng tỉnh"})
		unit := catalogue.Unit{SiteID: site.ID, Code: "STP", Name: "Sở Tư pháp", Kind: catalogue.KindDepartment}
		if err := st.CreateUnit(ctx, &unit); err != nil {
			t.Fatal(err)
		}
		proc := catalogue.Procedure{SiteID: site.ID, Code: "1.001234", Slug: "thu-tuc", Name: "Thủ tục", Level: catalogue.LevelFull,
			TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: unit.ID}}}
		if err := st.SaveProcedure(ctx, &proc); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		d := dossier.Dossier{SiteID: site.ID, ProcedureID: proc.ID, UnitID: unit.ID, Channel: dossier.Counter, ApplicantName: "Lý Thị Mai",
			ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: "0912345678", ReceivedAt: now, DueAt: now.Add(72 * time.Hour)}
		if err := st.CreateCounterDossier(ctx, &d, "Cán bộ", nil); err != nil {
			t.Fatal(err)
		}
		// The first pass ran before the dossier existed; the next comes
		// after partnerEvery.
		deadline := time.Now().Add(partnerEvery + 10*time.Second)
		for {
			mu.Lock()
			n, m := len(got["sync"]), len(got["sms"])
			mu.Unlock()
			if n == 1 && m == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("sync %d, sms %d", n, m)
			}
			time.Sleep(100 * time.Millisecond)
		}
		cancel()
		<-done
		var ev partner.SyncEvent
		var msg partner.SMSMessage
		json.Unmarshal([]byte(got["sync"][0]), &ev)
		json.Unmarshal([]byte(got["sms"][0]), &msg)
		if ev.DossierCode != d.Code || ev.Status != 2 || ev.ProcedureCode != "1.001234" {
			t.Fatalf("sync payload %+v", ev)
		}
		if msg.From != "UBND TINH" || msg.To != "84912345678" || msg.Unicode {
			t.Fatalf("sms %+v", msg)
		}
	})
}
