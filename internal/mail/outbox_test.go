package mail_test

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	cmail "github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/emersion/go-smtp"
)

var ctx = context.Background()

// fixture is a site with one unit, one procedure and two officers of the
// unit with e-mail addresses (plus one without, and one of another unit).
type fixture struct {
	site     int64
	unit     catalogue.Unit
	other    catalogue.Unit
	proc     catalogue.Procedure
	officers []store.UserRecord
	cal      *calendar.Calendar
}

func newFixture(t *testing.T, s *store.Store) fixture {
	t.Helper()
	st, err := s.EnsureSite(ctx, news.Site{Slug: "default", Name: "Cổng dịch vụ công tỉnh Lâm Giang"})
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{site: st.ID, cal: calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)}
	f.unit = catalogue.Unit{SiteID: st.ID, Code: "XAB", Name: "UBND xã An Bình", Kind: catalogue.KindCommune}
	f.other = catalogue.Unit{SiteID: st.ID, Code: "XHB", Name: "UBND xã Hòa Bình", Kind: catalogue.KindCommune}
	for _, u := range []*catalogue.Unit{&f.unit, &f.other} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	f.proc = catalogue.Procedure{SiteID: st.ID, Code: "2.000001", Slug: "chung-thuc", Name: "Chứng thực bản sao từ bản chính", Level: catalogue.LevelFull,
		TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true, Units: []catalogue.Unit{{ID: f.unit.ID}, {ID: f.other.ID}}}
	if err := s.SaveProcedure(ctx, &f.proc); err != nil {
		t.Fatal(err)
	}
	for i, email := range []string{"motcua1@anbinh.gov.vn", "motcua2@anbinh.gov.vn", "", "hoabinh@hoabinh.gov.vn"} {
		u := store.UserRecord{User: auth.User{SiteID: st.ID, Username: fmt.Sprintf("canbo%d", i), Name: fmt.Sprintf("Cán bộ %d", i),
			Email: email, Role: auth.RoleOfficer}, PasswordHash: "x"}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		unit := f.unit.ID
		if i == 3 {
			unit = f.other.ID
		}
		if err := s.SetUserUnits(ctx, st.ID, u.ID, []int64{unit}); err != nil {
			t.Fatal(err)
		}
		f.officers = append(f.officers, u)
	}
	return f
}

// clock is the worker's injected time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *clock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

func newWorker(q cmail.Queue, addr, user, pass string, now func() time.Time) (*cmail.Worker, *cmail.SMTP) {
	u := url.URL{Scheme: "smtp", Host: addr}
	if user != "" {
		// Percent-encoded as an operator must: the password has ':' and
		// Vietnamese letters.
		u.User = url.UserPassword(user, pass)
	}
	snd, err := cmail.ParseURL(u.String())
	if err != nil {
		panic(err)
	}
	// Short enough for the hanging relay's case to end quickly; the test
	// asserts what happens after, never how long it took.
	snd.Timeout = 2 * time.Second
	return &cmail.Worker{Queue: q, Sender: snd, From: mail.Address{Name: "Cổng dịch vụ công", Address: "khongtraloi@lamgiang.gov.vn"},
		BaseURL: "https://dichvucong.lamgiang.gov.vn", Now: now}, snd
}

func move(t *testing.T, s *store.Store, d dossier.Dossier, in dossier.Input) dossier.Dossier {
	t.Helper()
	if in.Who == 0 {
		in.Who = dossier.Admin
	}
	if in.Actor == "" {
		in.Actor = "Cán bộ 0"
	}
	var files []store.DossierFile
	if in.Action == dossier.ActFinish {
		files = []store.DossierFile{{Kind: "result", Name: "ket-qua.pdf", StoredName: in.ResultFile, Mime: "application/pdf", Size: 1, SHA256: "00"}}
	}
	next, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in, Files: files})
	if err != nil {
		t.Fatalf("%s: %v", in.Action, err)
	}
	return next
}

func (f fixture) submit(t *testing.T, s *store.Store, name, email string, at time.Time) dossier.Dossier {
	t.Helper()
	d := dossier.Dossier{SiteID: f.site, ProcedureID: f.proc.ID, UnitID: f.unit.ID, Channel: dossier.Online, Status: dossier.New,
		ApplicantName: name, ApplicantIDNumber: "001095000123", ApplicantDOB: "1995-01-02", ApplicantPhone: "0987654321",
		ApplicantEmail: email, SubmittedAt: at}
	if _, err := s.SubmitDossier(ctx, &d, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, f.site, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func (f fixture) counter(t *testing.T, s *store.Store, name, email string, at time.Time) dossier.Dossier {
	t.Helper()
	due, err := f.cal.Due(at, f.proc.TimeAmount, calendar.WorkingDays)
	if err != nil {
		t.Fatal(err)
	}
	d := dossier.Dossier{SiteID: f.site, ProcedureID: f.proc.ID, UnitID: f.unit.ID, Channel: dossier.Counter,
		ApplicantName: name, ApplicantIDNumber: "001090012345", ApplicantDOB: "1990-05-01", ApplicantPhone: "0912345678",
		ApplicantEmail: email, ReceivedAt: at, DueAt: due, CreatedBy: f.officers[0].ID}
	if err := s.CreateCounterDossier(ctx, &d, "Cán bộ 0", nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, f.site, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func runOnce(t *testing.T, w *cmail.Worker) cmail.Result {
	t.Helper()
	res, err := w.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func outbox(t *testing.T, s *store.Store, site int64) []cmail.Item {
	t.Helper()
	items, _, err := s.Outbox(ctx, store.OutboxFilter{SiteID: site, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// An online dossier goes submit → receive → supplement → supplemented →
// finish → return, and a second one is refused: the applicant gets exactly
// one mail per step that calls for one, the unit's officers one for the new
// online dossier, all through SMTP with AUTH, Vietnamese subjects decoded
// intact.
func TestDossierLifecycleMail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		srv := startSMTP(t, "congmail", "mật-khẩu:đúng")
		at := time.Date(2026, 3, 2, 8, 0, 0, 0, dossier.Loc)
		clk := &clock{t: at}
		w, _ := newWorker(s, srv.addr, "congmail", "mật-khẩu:đúng", clk.Now)

		d := f.submit(t, s, "Nguyễn Thị Hoà", "hoa.nguyen@dan.vn", at)
		due, _ := f.cal.Due(at.Add(time.Hour), 3, calendar.WorkingDays)
		d = move(t, s, d, dossier.Input{Action: dossier.ActReceive, Now: at.Add(time.Hour), Due: due})
		d = move(t, s, d, dossier.Input{Action: dossier.ActProcess, Now: at.Add(2 * time.Hour), Assignee: f.officers[1].ID})
		d = move(t, s, d, dossier.Input{Action: dossier.ActRequestSupplement, Now: at.Add(3 * time.Hour), Note: "Thiếu bản sao giấy khai sinh có chứng thực"})
		d = move(t, s, d, dossier.Input{Action: dossier.ActSupplemented, Now: at.Add(5 * time.Hour), Clock: f.cal})
		d = move(t, s, d, dossier.Input{Action: dossier.ActFinish, Now: at.Add(24 * time.Hour), ResultFile: "2026/03/kq"})
		d = move(t, s, d, dossier.Input{Action: dossier.ActReturn, Now: at.Add(26 * time.Hour)})
		r := f.submit(t, s, "Trần Văn Đức", "duc.tran@dan.vn", at.Add(time.Hour))
		move(t, s, r, dossier.Input{Action: dossier.ActRefuse, Now: at.Add(2 * time.Hour), Note: "Thủ tục không thuộc thẩm quyền của xã"})
		// No address, or a reserved one: nothing is queued for the applicant.
		n := f.counter(t, s, "Phạm Thị Mai", "", at.Add(3*time.Hour))
		f.counter(t, s, "Võ Văn Kiệt", "kiet@example.com", at.Add(3*time.Hour))

		if got := len(outbox(t, s, f.site)); got != 9 {
			t.Fatalf("queued %d rows, want 9", got)
		}
		clk.Set(at.Add(48 * time.Hour))
		if res := runOnce(t, w); res.Sent != 9 || res.Retried != 0 || res.Failed != 0 {
			t.Fatalf("first pass: %+v", res)
		}
		if res := runOnce(t, w); res != (cmail.Result{}) {
			t.Fatalf("second pass sent again: %+v", res)
		}
		type sent struct{ to, subject string }
		var got []sent
		ids := map[string]bool{}
		for _, m := range srv.messages() {
			if len(m.To) != 1 {
				t.Fatalf("recipients %v", m.To)
			}
			got = append(got, sent{m.To[0], m.Subject})
			if ids[m.MessageID] || !strings.HasSuffix(m.MessageID, "@lamgiang.gov.vn>") {
				t.Errorf("Message-ID %q repeated or malformed", m.MessageID)
			}
			ids[m.MessageID] = true
			if m.From != "khongtraloi@lamgiang.gov.vn" {
				t.Errorf("envelope from %q", m.From)
			}
			from, err := m.Header.AddressList("From")
			if err != nil || len(from) != 1 || from[0].Name != "Cổng dịch vụ công" {
				t.Errorf("From header %v %v", from, err)
			}
			for _, line := range strings.Split(string(m.Raw), "\r\n") {
				if len(line) > 998 {
					t.Errorf("line of %d bytes", len(line))
				}
				for _, c := range []byte(line) {
					if c >= 0x80 {
						t.Fatalf("raw 8-bit byte in %q", line)
					}
				}
			}
		}
		want := []sent{
			{"motcua1@anbinh.gov.vn", "Hồ sơ trực tuyến mới " + d.Code},
			{"motcua2@anbinh.gov.vn", "Hồ sơ trực tuyến mới " + d.Code},
			{"hoa.nguyen@dan.vn", "Hồ sơ " + d.Code + " đã được tiếp nhận"},
			{"hoa.nguyen@dan.vn", "Hồ sơ " + d.Code + " cần bổ sung, hoàn thiện"},
			{"hoa.nguyen@dan.vn", "Hồ sơ " + d.Code + " đã có kết quả"},
			{"hoa.nguyen@dan.vn", "Hồ sơ " + d.Code + " đã trả kết quả"},
			{"motcua1@anbinh.gov.vn", "Hồ sơ trực tuyến mới " + r.Code},
			{"motcua2@anbinh.gov.vn", "Hồ sơ trực tuyến mới " + r.Code},
			{"duc.tran@dan.vn", "Hồ sơ " + r.Code + " không được tiếp nhận"},
		}
		// The counter dossier with no address sent nothing; its code is
		// the only other one, so one more mail would be visible here.
		_ = n
		less := func(s []sent) func(i, j int) bool {
			return func(i, j int) bool { return s[i].to+s[i].subject < s[j].to+s[j].subject }
		}
		sort.Slice(got, less(got))
		sort.Slice(want, less(want))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("sent:\n%v\nwant:\n%v", got, want)
		}
		if srv.authCount() == 0 {
			t.Error("the relay's credentials were never used")
		}
		for _, m := range srv.messages() {
			switch {
			case strings.HasSuffix(m.Subject, "cần bổ sung, hoàn thiện"):
				if !strings.Contains(m.Body, "Thiếu bản sao giấy khai sinh có chứng thực") || !strings.Contains(m.Body, "Kính gửi Ông/Bà Nguyễn Thị Hoà") {
					t.Errorf("supplement body:\n%s", m.Body)
				}
			case strings.HasSuffix(m.Subject, "đã được tiếp nhận"):
				wantDue := due.In(dossier.Loc).Format("15:04 ngày 02/01/2006")
				if !strings.Contains(m.Body, "Ngày hẹn trả kết quả: "+wantDue) || !strings.Contains(m.Body, "https://dichvucong.lamgiang.gov.vn/tra-cuu?ma="+d.Code) ||
					!strings.Contains(m.Body, "Chứng thực bản sao từ bản chính") || !strings.Contains(m.Body, "Cổng dịch vụ công tỉnh Lâm Giang") {
					t.Errorf("receipt body:\n%s", m.Body)
				}
			case strings.HasSuffix(m.Subject, "không được tiếp nhận"):
				if !strings.Contains(m.Body, "Thủ tục không thuộc thẩm quyền của xã") {
					t.Errorf("refusal body:\n%s", m.Body)
				}
			case strings.HasPrefix(m.Subject, "Hồ sơ trực tuyến mới"):
				if !strings.Contains(m.Body, "https://dichvucong.lamgiang.gov.vn/quan-tri/ho-so/") {
					t.Errorf("officer body:\n%s", m.Body)
				}
			}
		}
		for _, it := range outbox(t, s, f.site) {
			if it.Status != cmail.StatusSent || it.Attempts != 1 || it.SentAt.IsZero() {
				t.Errorf("row %d: %+v", it.ID, it)
			}
		}
	})
}

// An outage — the relay answering 4xx, then accepting connections and
// never answering, then refusing with 5xx — delays mail without losing it
// or blocking a move; when the relay is back every message arrives once.
// A 5xx repeated MaxPermanent times fails the row for good (kept, visible),
// and an admin can queue it again.
func TestOutageRetriesThenDelivers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		srv := startSMTP(t, "", "")
		at := time.Date(2026, 3, 3, 9, 0, 0, 0, dossier.Loc)
		clk := &clock{t: at}
		w, snd := newWorker(s, srv.addr, "", "", clk.Now)
		w.MaxPermanent = 3

		srv.refuse.Store(&smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Tạm thời không nhận thư"})
		a := f.counter(t, s, "Lê Văn Tám", "tam.le@dan.vn", at)
		if res := runOnce(t, w); res.Retried != 1 || res.Sent != 0 {
			t.Fatalf("during 4xx: %+v", res)
		}
		it := outbox(t, s, f.site)[0]
		if it.Status != cmail.StatusQueued || it.Attempts != 1 || !strings.Contains(it.LastError, "451") || !it.NextAttemptAt.Equal(at.Add(time.Minute)) {
			t.Fatalf("after 4xx: %+v", it)
		}
		// The desk keeps working while mail cannot go out.
		a = move(t, s, a, dossier.Input{Action: dossier.ActProcess, Now: at.Add(10 * time.Second), Assignee: f.officers[0].ID})
		a = move(t, s, a, dossier.Input{Action: dossier.ActRequestSupplement, Now: at.Add(20 * time.Second), Note: "Bổ sung ảnh 3x4"})
		// Not due yet: nothing is attempted before the backoff ends.
		clk.Set(at.Add(30 * time.Second))
		if res := runOnce(t, w); res.Retried != 1 { // only the supplement mail is due
			t.Fatalf("before backoff: %+v", res)
		}

		// Relay wedged: it takes the connection and never greets.
		srv.refuse.Store(nil)
		good := snd.Addr
		snd.Addr = hangingServer(t)
		clk.Set(at.Add(2 * time.Minute))
		res := runOnce(t, w)
		if res.Retried != 2 || res.Sent != 0 {
			t.Fatalf("hanging relay: %+v", res)
		}
		for _, it := range outbox(t, s, f.site) {
			if it.Status != cmail.StatusQueued || it.LastError == "" {
				t.Fatalf("after timeout: %+v", it)
			}
		}

		// A 5xx refusal: the two rows tried twice already fail for good
		// (MaxPermanent 3), a new one is only delayed.
		snd.Addr = good
		srv.refuse.Store(&smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "Từ chối"})
		clk.Set(at.Add(time.Hour))
		b := f.counter(t, s, "Hồ Văn Bé", "be.ho@dan.vn", clk.Now())
		if res := runOnce(t, w); res.Failed != 2 || res.Retried != 1 || res.Sent != 0 {
			t.Fatalf("5xx: %+v", res)
		}
		var failed []int64
		for _, it := range outbox(t, s, f.site) {
			if it.DossierID == b.ID {
				if it.Status != cmail.StatusQueued || it.Attempts != 1 {
					t.Fatalf("new row after 5xx: %+v", it)
				}
				continue
			}
			if it.Status != cmail.StatusFailed || it.Attempts != 3 || !strings.Contains(it.LastError, "554") {
				t.Fatalf("old row after 5xx: %+v", it)
			}
			failed = append(failed, it.ID)
		}

		// The relay is back: the delayed row goes; the failed ones wait
		// for an admin, who queues them again.
		srv.refuse.Store(nil)
		clk.Set(at.Add(3 * time.Hour))
		if res := runOnce(t, w); res.Sent != 1 {
			t.Fatalf("after the outage: %+v", res)
		}
		for _, id := range failed {
			if err := s.RequeueMail(ctx, f.site, id, clk.Now()); err != nil {
				t.Fatal(err)
			}
			if err := s.RequeueMail(ctx, f.site, id, clk.Now()); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("requeue of a queued row: %v", err)
			}
		}
		if res := runOnce(t, w); res.Sent != 2 {
			t.Fatalf("after requeue: %+v", res)
		}
		msgs := srv.messages()
		got := map[string]bool{}
		for _, m := range msgs {
			got[m.To[0]+" "+m.Subject] = true
		}
		want := map[string]bool{
			"tam.le@dan.vn Hồ sơ " + a.Code + " đã được tiếp nhận":       true,
			"tam.le@dan.vn Hồ sơ " + a.Code + " cần bổ sung, hoàn thiện": true,
			"be.ho@dan.vn Hồ sơ " + b.Code + " đã được tiếp nhận":        true,
		}
		if len(msgs) != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("delivered %d: %v", len(msgs), got)
		}
		for _, it := range outbox(t, s, f.site) {
			if it.Status != cmail.StatusSent {
				t.Fatalf("not sent: %+v", it)
			}
		}
	})
}

// Two workers on two Store instances sharing one database — several cong
// instances on one PostgreSQL — send concurrently: every message arrives
// exactly once.
func TestTwoWorkersSendEachOnce(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			var stores []*store.Store
			for i := 0; i < 2; i++ {
				st, err := store.Open(ctx, u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				stores = append(stores, st)
			}
			if _, err := stores[0].Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			f := newFixture(t, stores[0])
			srv := startSMTP(t, "", "")
			at := time.Date(2026, 3, 4, 9, 0, 0, 0, dossier.Loc)
			const n = 40
			for i := 0; i < n; i++ {
				f.counter(t, stores[i%2], fmt.Sprintf("Công dân %d", i), fmt.Sprintf("congdan%d@dan.vn", i), at)
			}
			clk := &clock{t: at.Add(time.Minute)}
			var wg sync.WaitGroup
			results := make([]cmail.Result, 4)
			errs := make([]error, 4)
			for i := range results {
				w, _ := newWorker(stores[i%2], srv.addr, "", "", clk.Now)
				w.Batch = 7 // several batches each, so the workers interleave
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[i], errs[i] = w.RunOnce(ctx)
				}()
			}
			wg.Wait()
			total := 0
			for i, r := range results {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				total += r.Sent
			}
			msgs := srv.messages()
			seen := map[string]int{}
			for _, m := range msgs {
				seen[m.To[0]]++
			}
			if total != n || len(msgs) != n || len(seen) != n {
				t.Fatalf("workers sent %d (%v), relay got %d for %d recipients; want %d each once", total, results, len(msgs), len(seen), n)
			}
		})
	}
}

// The near-due scan alerts the unit's officers once per dossier and
// appointment, whichever instance scans and however often; a dossier with
// time left, one waiting for a supplement, and one already overdue are not
// alerted.
func TestNearDueAlertsOnce(t *testing.T) {
	for _, eng := range testdb.Engines() {
		t.Run(eng, func(t *testing.T) {
			u := testdb.URL(t, eng)
			var stores []*store.Store
			for i := 0; i < 2; i++ {
				st, err := store.Open(ctx, u, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				stores = append(stores, st)
			}
			if _, err := stores[0].Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			s := stores[0]
			f := newFixture(t, s)
			// Received Monday 2 March 2026 09:00, 3 working days: due
			// Thursday 5 March 09:00.
			mon := time.Date(2026, 3, 2, 9, 0, 0, 0, dossier.Loc)
			near := f.counter(t, s, "Sắp Hạn", "", mon)
			paused := f.counter(t, s, "Chờ Bổ Sung", "", mon)
			move(t, s, paused, dossier.Input{Action: dossier.ActRequestSupplement, Now: mon.Add(time.Hour), Note: "Thiếu giấy tờ"})
			later := f.counter(t, s, "Còn Hạn", "", mon.Add(48*time.Hour))
			_ = later

			// Tuesday noon: two working days left for the first.
			if n, err := s.EnqueueNearDue(ctx, time.Date(2026, 3, 3, 12, 0, 0, 0, dossier.Loc)); err != nil || n != 0 {
				t.Fatalf("too early: %d %v", n, err)
			}
			wed := time.Date(2026, 3, 4, 10, 0, 0, 0, dossier.Loc)
			var wg sync.WaitGroup
			counts := make([]int, 6)
			errs := make([]error, 6)
			for i := range counts {
				wg.Add(1)
				go func() {
					defer wg.Done()
					counts[i], errs[i] = stores[i%2].EnqueueNearDue(ctx, wed.Add(time.Duration(i)*time.Minute))
				}()
			}
			wg.Wait()
			sum := 0
			for i := range counts {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				sum += counts[i]
			}
			if sum != 2 {
				t.Fatalf("scans queued %v alerts, want 2 in all (one per officer of the unit)", counts)
			}
			var rows []cmail.Item
			for _, it := range outbox(t, s, f.site) {
				if it.Kind == cmail.OfficerNearDue {
					rows = append(rows, it)
				}
			}
			if len(rows) != 2 || rows[0].DossierID != near.ID || rows[1].DossierID != near.ID {
				t.Fatalf("alerts: %+v", rows)
			}
			// Past the appointment it is overdue, not near due: no alert.
			if n, err := s.EnqueueNearDue(ctx, time.Date(2026, 3, 5, 10, 0, 0, 0, dossier.Loc)); err != nil || n != 0 {
				t.Fatalf("overdue: %d %v", n, err)
			}

			srv := startSMTP(t, "", "")
			clk := &clock{t: wed.Add(time.Hour)}
			w, _ := newWorker(s, srv.addr, "", "", clk.Now)
			if res := runOnce(t, w); res.Sent != 2 {
				t.Fatalf("sent %+v", res)
			}
			for _, m := range srv.messages() {
				if m.Subject != "Hồ sơ "+near.Code+" sắp đến hạn trả kết quả" || !strings.Contains(m.Body, "mẫu 04") {
					t.Errorf("alert %q:\n%s", m.Subject, m.Body)
				}
			}
		})
	}
}

// With no relay configured nothing is sent and nothing is lost: the rows
// wait, and go out once a sender is set.
func TestNoSenderKeepsMailQueued(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, dossier.Loc)
		f.counter(t, s, "Lê Văn Tám", "tam.le@dan.vn", at)
		clk := &clock{t: at.Add(time.Hour)}
		w := &cmail.Worker{Queue: s, Now: clk.Now}
		if res := runOnce(t, w); res != (cmail.Result{}) {
			t.Fatalf("sent without a relay: %+v", res)
		}
		if it := outbox(t, s, f.site); len(it) != 1 || it[0].Status != cmail.StatusQueued || it[0].Attempts != 0 {
			t.Fatalf("row: %+v", it)
		}
		srv := startSMTP(t, "", "")
		w2, _ := newWorker(s, srv.addr, "", "", clk.Now)
		if res := runOnce(t, w2); res.Sent != 1 || len(srv.messages()) != 1 {
			t.Fatalf("after configuring: %+v", res)
		}
	})
}

// A claim holds a row against every other worker until its lease ends; a
// worker whose lease lapsed cannot record a failure over the new holder's
// claim; nothing is claimed before it is due.
func TestClaimLease(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, dossier.Loc)
		f.counter(t, s, "Lê Văn Tám", "tam.le@dan.vn", at)
		if ids, err := s.DueMail(ctx, at.Add(-time.Second), 10); err != nil || len(ids) != 0 {
			t.Fatalf("due before its time: %v %v", ids, err)
		}
		ids, err := s.DueMail(ctx, at, 10)
		if err != nil || len(ids) != 1 {
			t.Fatalf("due: %v %v", ids, err)
		}
		id := ids[0]
		it, ok, err := s.ClaimMail(ctx, id, "a", at, at.Add(5*time.Minute))
		if err != nil || !ok || it.Attempts != 1 || it.To != "tam.le@dan.vn" || it.Kind != cmail.Received {
			t.Fatalf("first claim: %+v %v %v", it, ok, err)
		}
		if _, ok, err := s.ClaimMail(ctx, id, "b", at.Add(time.Minute), at.Add(6*time.Minute)); err != nil || ok {
			t.Fatalf("second claim during the lease: %v %v", ok, err)
		}
		if ids, _ := s.DueMail(ctx, at.Add(time.Minute), 10); len(ids) != 0 {
			t.Fatalf("leased row listed as due: %v", ids)
		}
		// a's sender hung past its lease: b takes over.
		it, ok, err = s.ClaimMail(ctx, id, "b", at.Add(6*time.Minute), at.Add(11*time.Minute))
		if err != nil || !ok || it.Attempts != 2 {
			t.Fatalf("claim after the lease: %+v %v %v", it, ok, err)
		}
		if err := s.MailFailed(ctx, id, "a", "trễ", at.Add(time.Hour), true); err != nil {
			t.Fatal(err)
		}
		rows := outbox(t, s, f.site)
		if rows[0].Status != cmail.StatusQueued || rows[0].LastError != "" {
			t.Fatalf("stale owner changed the row: %+v", rows[0])
		}
		if err := s.MailSent(ctx, id, "b", at.Add(7*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.ClaimMail(ctx, id, "c", at.Add(time.Hour), at.Add(2*time.Hour)); ok {
			t.Fatal("a sent row was claimed")
		}
		counts, err := s.OutboxCounts(ctx, f.site)
		if err != nil || counts[cmail.StatusSent] != 1 || len(counts) != 1 {
			t.Fatalf("counts %v %v", counts, err)
		}
	})
}

// A move that does not happen (another officer moved the dossier first)
// leaves no mail behind: the row is written in the move's transaction.
func TestNoMailForAMoveThatFailed(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, dossier.Loc)
		d := f.submit(t, s, "Lê Văn Tám", "tam.le@dan.vn", at)
		before := len(outbox(t, s, f.site))
		due, _ := f.cal.Due(at, 3, calendar.WorkingDays)
		move(t, s, d, dossier.Input{Action: dossier.ActReceive, Now: at.Add(time.Hour), Due: due})
		// The same old copy again: stale.
		if _, err := s.MoveDossier(ctx, store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActRefuse, Who: dossier.Admin, Now: at.Add(2 * time.Hour), Note: "Sai thủ tục"}}); !errors.Is(err, store.ErrStale) {
			t.Fatalf("stale move: %v", err)
		}
		rows := outbox(t, s, f.site)
		if len(rows) != before+1 || rows[0].Kind != cmail.Received {
			t.Fatalf("rows after a refused move: %+v", rows)
		}
	})
}
