package demo

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/congportal/cong/internal/calendar"
	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// Demo dossiers, in two parts. About forty "live" applications over the
// past three months, in every status, on time and late, with supplements
// and fees, on all three channels: each is moved through the real
// transition table (store MoveDossier) at past instants, so histories,
// appointments and pauses are what the desk itself would have recorded.
// Before them, about two thousand historical dossiers over the past year
// give the statistics (/thong-ke) a real province's shape: they are written
// in one transaction by store.InsertHistoricalDossiers with the same
// times, appointments (the site calendar's Due and Resume) and event chains
// the transitions would produce, but without the in-transaction hook — no
// forms are generated and no mail is queued for history. Applicants are
// fictional.

// timing says when a scenario's dossier is finished, against its appointment.
type timing int

const (
	early  timing = iota // well before the appointment's day
	onTime               // on the appointment's day
	late                 // a day and a half after it
)

type scenario struct {
	end     dossier.Status
	when    timing
	supp    int  // supplement requests
	fee     bool // a financial obligation before finishing
	breach  bool // online, answered after more than 8 working hours
	daysAgo int
}

var scenarios = []scenario{
	{end: dossier.Returned, when: early, daysAgo: 88},
	{end: dossier.Returned, when: onTime, daysAgo: 85},
	{end: dossier.Returned, when: late, daysAgo: 82},
	{end: dossier.Returned, when: early, supp: 1, daysAgo: 79},
	{end: dossier.Returned, when: early, supp: 2, daysAgo: 76}, // late: second supplement request
	{end: dossier.Returned, when: onTime, fee: true, daysAgo: 73},
	{end: dossier.Refused, daysAgo: 70},
	{end: dossier.Withdrawn, daysAgo: 67},
	{end: dossier.Returned, when: early, daysAgo: 64},
	{end: dossier.Stopped, daysAgo: 61},
	{end: dossier.Returned, when: onTime, supp: 1, daysAgo: 58},
	{end: dossier.Returned, when: late, daysAgo: 55},
	{end: dossier.Refused, breach: true, daysAgo: 52},
	{end: dossier.Returned, when: early, breach: true, daysAgo: 49},
	{end: dossier.Finished, when: early, daysAgo: 46},
	{end: dossier.Withdrawn, supp: 1, daysAgo: 43},
	{end: dossier.Stopped, supp: 1, daysAgo: 40},
	{end: dossier.Returned, when: onTime, daysAgo: 37},
	{end: dossier.Finished, when: late, daysAgo: 34},
	{end: dossier.Returned, when: early, fee: true, daysAgo: 31},
	{end: dossier.Refused, daysAgo: 28},
	{end: dossier.Finished, when: onTime, daysAgo: 25},
	{end: dossier.Returned, when: early, daysAgo: 22},
	{end: dossier.Finished, when: early, daysAgo: 12},
	{end: dossier.Processing, daysAgo: 60},
	{end: dossier.Processing, daysAgo: 40},
	{end: dossier.Processing, daysAgo: 10},
	{end: dossier.Processing, daysAgo: 5},
	{end: dossier.Processing, daysAgo: 3},
	{end: dossier.Financial, fee: true, daysAgo: 20},
	{end: dossier.Financial, fee: true, daysAgo: 6},
	{end: dossier.Supplement, supp: 1, daysAgo: 15},
	{end: dossier.Supplement, supp: 2, daysAgo: 30},
	{end: dossier.Supplement, supp: 1, daysAgo: 4},
	{end: dossier.Received, daysAgo: 3},
	{end: dossier.Received, daysAgo: 1},
	{end: dossier.Received, daysAgo: 0},
	{end: dossier.New, daysAgo: 0},
	{end: dossier.New, breach: true, daysAgo: 4},
	{end: dossier.New, daysAgo: 1},
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	middleNames = []string{"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh", "Hữu", "Bảo"}
	givenNames  = []string{"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vy", "Yến"}
	hamlets     = []string{"thôn Đông", "thôn Tây", "thôn Trung", "tổ dân phố 3", "tổ dân phố 7", "xóm Mới", "thôn Bắc Sơn"}
)

// demoResultPDF is the result file of finished demo dossiers.
var demoResultPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
	"4 0 obj<</Length 60>>stream\nBT /F1 18 Tf 72 760 Td (Ket qua giai quyet ho so - mau) Tj ET\nendstream endobj\n" +
	"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// Dossiers loads the demo dossiers once the catalogue and the demo users
// exist: it assigns "motcua" to every current unit and makes it the desk
// officer and specialist of every dossier. dossierDir is where result files
// are written (<data>/dossiers). Without procedures it does nothing.
func Dossiers(ctx context.Context, st *store.Store, siteID int64, dossierDir string, now time.Time) (int, error) {
	procs, _, err := st.Procedures(ctx, store.ProcedureFilter{SiteID: siteID})
	if err != nil {
		return 0, err
	}
	var usable []catalogue.Procedure
	for _, p := range procs {
		for _, u := range p.Units {
			if u.Selectable(now) {
				usable = append(usable, p)
				break
			}
		}
	}
	if len(usable) == 0 {
		return 0, nil
	}
	officer, err := st.UserByName(ctx, siteID, "motcua")
	if err != nil {
		return 0, fmt.Errorf("tài khoản motcua: %w", err)
	}
	units, err := st.Units(ctx, siteID)
	if err != nil {
		return 0, err
	}
	var unitIDs []int64
	for _, u := range units {
		if u.Selectable(now) {
			unitIDs = append(unitIDs, u.ID)
		}
	}
	if err := st.SetUserUnits(ctx, siteID, officer.ID, unitIDs); err != nil {
		return 0, err
	}
	cal := calendar.New(dossier.Loc, calendar.DefaultOfficeHours(), nil)
	l := &demoLoader{st: st, site: siteID, cal: cal, now: now, officer: officer.ID, label: officer.Name, dir: dossierDir,
		rnd: mrand.New(mrand.NewPCG(2026, 4))}
	// History first: its codes take the first numbers of their days, and
	// the live dossiers' codes continue from the raised sequences.
	hist, err := l.history(ctx, usable)
	if err != nil {
		return 0, fmt.Errorf("hồ sơ mẫu (lịch sử): %w", err)
	}
	for i, sc := range scenarios {
		if err := l.load(ctx, i, sc, usable[i%len(usable)]); err != nil {
			return hist + i, fmt.Errorf("hồ sơ mẫu %d: %w", i+1, err)
		}
	}
	return hist + len(scenarios), nil
}

// historyDays is how far back the historical dossiers go.
const historyDays = 365

// history writes the year of historical dossiers: on each working day of
// the past year (today excluded) 5 to 10 dossiers, a mix close to what
// provinces publish — mostly early or on time, some late (half of them with
// an apology), a few second supplements, refusals, withdrawals and stops,
// about half online where the procedure allows it. Dossiers whose next step
// would fall after now stay open.
func (l *demoLoader) history(ctx context.Context, procs []catalogue.Procedure) (int, error) {
	r := mrand.New(mrand.NewPCG(2026, 766))
	today := l.now.In(dossier.Loc)
	seq := map[string]int{}
	var out []store.HistoricalDossier
	for back := historyDays; back >= 1; back-- {
		day := time.Date(today.Year(), today.Month(), today.Day()-back, 0, 0, 0, 0, dossier.Loc)
		if !l.cal.IsWorkingDay(calendar.DayOf(day, dossier.Loc)) {
			continue
		}
		for range 5 + r.IntN(6) {
			h, ok, err := l.historical(r, day, procs[r.IntN(len(procs))], seq)
			if err != nil {
				return 0, err
			}
			if ok {
				out = append(out, h)
			}
		}
	}
	return len(out), l.st.InsertHistoricalDossiers(ctx, out)
}

// historical makes one dossier submitted on day; ok is false when it
// would have been submitted after now.
func (l *demoLoader) historical(r *mrand.Rand, day time.Time, proc catalogue.Procedure, seq map[string]int) (store.HistoricalDossier, bool, error) {
	var units []catalogue.Unit
	for _, u := range proc.Units {
		if u.Selectable(l.now) {
			units = append(units, u)
		}
	}
	unit := units[r.IntN(len(units))]
	cal := l.cal
	sub := cal.AddWorking(day, time.Duration(r.IntN(450))*time.Minute).UTC()
	if sub.After(l.now) {
		return store.HistoricalDossier{}, false, nil
	}
	d := dossier.Dossier{SiteID: l.site, ProcedureID: proc.ID, UnitID: unit.ID, SubmittedAt: sub, UnitCode: unit.Code}
	l.applicant(&d)
	tok := make([]byte, 16)
	rand.Read(tok)
	sum := sha256.Sum256(tok)
	d.PrivateTokenHash = hex.EncodeToString(sum[:])
	switch x := r.IntN(100); {
	case proc.Online() && x < 62:
		d.Channel = dossier.Online
	case x >= 93:
		d.Channel = dossier.Post
	default:
		d.Channel = dossier.Counter
	}
	h := store.HistoricalDossier{}
	ev := func(at time.Time, from, to dossier.Status, a dossier.Action, note string) {
		h.Events = append(h.Events, dossier.Event{At: at.UTC(), ActorLabel: l.label, From: from, To: to, Action: a, Note: note})
	}
	past := func(t time.Time) bool { return !t.After(l.now) }
	// done fills the code and returns the dossier as it stands.
	done := func() (store.HistoricalDossier, bool, error) {
		codeAt := d.SubmittedAt
		if !d.ReceivedAt.IsZero() {
			codeAt = d.ReceivedAt
		}
		key := unit.Code + dossier.CodeDay(codeAt)
		seq[key]++
		d.Code = dossier.Code(unit.Code, codeAt, seq[key])
		d.UpdatedAt = d.SubmittedAt
		if n := len(h.Events); n > 0 {
			d.UpdatedAt = h.Events[n-1].At
		}
		h.Dossier = d
		return h, true, nil
	}
	recv := sub
	if d.Channel == dossier.Online {
		d.Status = dossier.New
		h.Events = append(h.Events, dossier.Event{At: sub, ActorLabel: d.ApplicantName, To: dossier.New, Action: dossier.ActSubmit})
		delay := time.Duration(30+r.IntN(300)) * time.Minute
		if r.IntN(30) == 0 {
			delay = 10 * time.Hour // answered after the 8 working hours
		}
		recv = cal.AddWorking(sub, delay).UTC()
		if !past(recv) {
			return done()
		}
		d.RespondedAt = recv
		if r.IntN(50) == 0 {
			d.Status, d.FinishedAt = dossier.Refused, recv
			ev(recv, dossier.New, dossier.Refused, dossier.ActRefuse, "Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị.")
			return done()
		}
		ev(recv, dossier.New, dossier.Received, dossier.ActReceive, "")
	} else {
		d.RespondedAt = recv
		ev(recv, 0, dossier.Received, dossier.ActSubmit, "")
	}
	due, err := dossier.DueAtReceipt(cal, recv, proc.TimeAmount, proc.TimeUnit)
	if err != nil {
		return h, false, err
	}
	d.Status, d.ReceivedAt, d.DueAt = dossier.Received, recv, due.UTC()
	t := cal.AddWorking(recv, time.Duration(30+r.IntN(120))*time.Minute).UTC()
	if !past(t) {
		return done()
	}
	d.Status = dossier.Processing
	ev(t, dossier.Received, dossier.Processing, dossier.ActProcess, "")
	// Supplements: one in ten dossiers, a few of them twice (late by rule).
	supp := 0
	if x := r.IntN(100); x < 10 {
		supp = 1
		if x < 2 {
			supp = 2
		}
	}
	for k := range supp {
		p := cal.AddWorking(t, time.Duration(2+r.IntN(6))*time.Hour).UTC()
		if !past(p) {
			return done()
		}
		d.Status, d.PausedAt, d.PrevStatus = dossier.Supplement, p, dossier.Processing
		d.SupplementCount = k + 1
		ev(p, dossier.Processing, dossier.Supplement, dossier.ActRequestSupplement, "Đề nghị bổ sung bản sao có chứng thực giấy tờ kèm theo.")
		back := cal.AddWorking(p, time.Duration(8+r.IntN(24))*time.Hour).UTC()
		if !past(back) {
			return done()
		}
		d.DueAt = cal.Resume(d.DueAt, p, back).UTC()
		d.PausedTotal += cal.WorkingBetween(p, back)
		d.Status, d.PausedAt, d.PrevStatus = dossier.Processing, time.Time{}, 0
		ev(back, dossier.Supplement, dossier.Processing, dossier.ActSupplemented, "Công dân đã nộp bổ sung.")
		t = back
	}
	switch x := r.IntN(100); {
	case x < 2:
		w := cal.AddWorking(t, time.Duration(1+r.IntN(8))*time.Hour).UTC()
		if past(w) {
			d.Status, d.FinishedAt = dossier.Withdrawn, w
			ev(w, dossier.Processing, dossier.Withdrawn, dossier.ActWithdraw, "Công dân có đơn xin rút hồ sơ.")
		}
		return done()
	case x < 3:
		w := cal.AddWorking(t, time.Duration(1+r.IntN(8))*time.Hour).UTC()
		if past(w) {
			d.Status, d.FinishedAt = dossier.Stopped, w
			ev(w, dossier.Processing, dossier.Stopped, dossier.ActStop, "Người nộp đề nghị dừng để hoàn thiện thủ tục liên quan.")
		}
		return done()
	}
	left := cal.WorkingBetween(t, d.DueAt)
	var fin time.Time
	switch x := r.IntN(100); {
	case x < 58: // early: well before the appointment's day
		fin = cal.AddWorking(t, left*time.Duration(20+r.IntN(50))/100)
	case x < 92: // on the appointment's day
		fin = d.DueAt.Add(-time.Duration(5+r.IntN(90)) * time.Minute)
	default: // late
		fin = cal.AddWorking(d.DueAt, time.Duration(2+r.IntN(30))*time.Hour)
		if r.IntN(2) == 0 {
			// Form 04 the day before: a new date, while the original
			// appointment stays what the dossier is judged against.
			at := cal.AddWorking(d.DueAt, 0).Add(-4 * time.Hour).UTC()
			if at.After(t) && past(at) {
				d.ApologyCount, d.NewDueAt = 1, cal.AddWorking(d.DueAt, 32*time.Hour).UTC()
				ev(at, dossier.Processing, dossier.Processing, dossier.ActApologise, "Hồ sơ cần thêm thời gian thẩm định; hẹn lại ngày trả kết quả.")
			}
		}
	}
	if !fin.After(t) {
		fin = t.Add(time.Minute)
	}
	fin = fin.UTC()
	if !past(fin) {
		return done()
	}
	d.Status, d.FinishedAt, d.ResultFile = dossier.Finished, fin, ""
	ev(fin, dossier.Processing, dossier.Finished, dossier.ActFinish, "")
	ret := cal.AddWorking(fin, time.Duration(1+r.IntN(24))*time.Hour).UTC()
	if past(ret) {
		d.Status, d.ReturnedAt = dossier.Returned, ret
		ev(ret, dossier.Finished, dossier.Returned, dossier.ActReturn, "")
	}
	return done()
}

// demoStep is one move of a scenario, taken the given working time after
// the previous one.
type demoStep struct {
	after  time.Duration
	action dossier.Action
	note   string
}

type demoLoader struct {
	st      *store.Store
	site    int64
	cal     *calendar.Calendar
	now     time.Time
	officer int64
	label   string
	dir     string
	rnd     *mrand.Rand
}

func (l *demoLoader) applicant(d *dossier.Dossier) {
	r := l.rnd
	name := familyNames[r.IntN(len(familyNames))] + " " + middleNames[r.IntN(len(middleNames))] + " " + givenNames[r.IntN(len(givenNames))]
	year := 1960 + r.IntN(40)
	sex := r.IntN(2) // 0 male, 1 female: born in the 1900s
	d.ApplicantName = name
	d.ApplicantDOB = fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28))
	d.ApplicantIDNumber = fmt.Sprintf("0%02d%d%02d%06d", []int{1, 22, 24, 26, 30, 33, 38}[r.IntN(7)], sex, year%100, r.IntN(1000000))
	d.ApplicantPhone = fmt.Sprintf("09%08d", r.IntN(100000000))
	d.ApplicantAddress = fmt.Sprintf("Số %d, %s", 1+r.IntN(120), hamlets[r.IntN(len(hamlets))])
	if r.IntN(3) == 0 {
		d.ApplicantEmail = fmt.Sprintf("congdan%d@example.com", r.IntN(1000))
	}
}

// load creates one dossier and moves it along its scenario; a step that
// would fall after now is not taken, so recent dossiers stay open.
func (l *demoLoader) load(ctx context.Context, i int, sc scenario, proc catalogue.Procedure) error {
	var unit catalogue.Unit
	for _, u := range proc.Units {
		if u.Selectable(l.now) {
			unit = u
			break
		}
	}
	day := l.now.In(dossier.Loc).AddDate(0, 0, -sc.daysAgo)
	start := time.Date(day.Year(), day.Month(), day.Day(), 7+i%9, 10*(i%6), 0, 0, dossier.Loc)
	if sc.daysAgo == 0 || start.After(l.now) {
		start = l.now.Add(-time.Duration(30+i) * time.Minute)
	}
	channel := []dossier.Channel{dossier.Online, dossier.Online, dossier.Counter, dossier.Online, dossier.Post}[i%5]
	if sc.end == dossier.New || sc.end == dossier.Refused || sc.breach {
		channel = dossier.Online
	}
	if channel != dossier.Online {
		// The desk only receives in office hours.
		if w := l.cal.NextWorkingStart(start); !w.After(l.now) {
			start = w
		}
	}
	d := dossier.Dossier{SiteID: l.site, ProcedureID: proc.ID, UnitID: unit.ID, Channel: channel}
	l.applicant(&d)
	t := start
	if channel == dossier.Online {
		tok := make([]byte, 16)
		rand.Read(tok)
		sum := sha256.Sum256(tok) // nobody knows the token: demo private links stay closed
		d.PrivateTokenHash, d.Status, d.SubmittedAt = hex.EncodeToString(sum[:]), dossier.New, start.UTC()
		if _, err := l.st.SubmitDossier(ctx, &d, nil); err != nil {
			return err
		}
		if sc.end == dossier.New {
			return nil
		}
		delay := 2 * time.Hour
		if sc.breach {
			delay = 11 * time.Hour
		}
		t = l.cal.AddWorking(start, delay)
		if t.After(l.now) {
			return nil // not answered yet
		}
		if sc.end == dossier.Refused {
			_, err := l.move(ctx, d.ID, dossier.ActRefuse, t, "Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị; đề nghị nộp tại cơ quan cấp tỉnh.")
			return err
		}
		due, err := dossier.DueAtReceipt(l.cal, t, proc.TimeAmount, proc.TimeUnit)
		if err != nil {
			return err
		}
		if _, err := l.moveWith(ctx, d.ID, dossier.Input{Action: dossier.ActReceive, Now: t, Due: due}); err != nil {
			return err
		}
	} else {
		due, err := dossier.DueAtReceipt(l.cal, start, proc.TimeAmount, proc.TimeUnit)
		if err != nil {
			return err
		}
		d.ReceivedAt, d.DueAt, d.CreatedBy = start.UTC(), due, l.officer
		if err := l.st.CreateCounterDossier(ctx, &d, l.label, nil); err != nil {
			return err
		}
	}
	if sc.end == dossier.Received {
		return nil
	}
	steps := []demoStep{{time.Hour, dossier.ActProcess, ""}}
	for k := range sc.supp {
		steps = append(steps,
			demoStep{4 * time.Hour, dossier.ActRequestSupplement, []string{"Đề nghị bổ sung bản sao có chứng thực giấy khai sinh.", "Tờ khai còn thiếu chữ ký của người nộp; đề nghị bổ sung."}[k%2]},
		)
		if sc.end == dossier.Supplement && k == sc.supp-1 {
			break
		}
		steps = append(steps, demoStep{16 * time.Hour, dossier.ActSupplemented, "Công dân đã nộp bổ sung tại bộ phận một cửa."})
	}
	if sc.fee {
		steps = append(steps, demoStep{4 * time.Hour, dossier.ActRequestFee, "Đề nghị nộp lệ phí theo quy định trước khi nhận kết quả."})
		if sc.end != dossier.Financial {
			steps = append(steps, demoStep{8 * time.Hour, dossier.ActPaid, ""})
		}
	}
	for _, st := range steps {
		t = l.cal.AddWorking(t, st.after)
		if t.After(l.now) {
			return nil
		}
		in := dossier.Input{Action: st.action, Now: t, Note: st.note, Assignee: l.officer}
		if _, err := l.moveWith(ctx, d.ID, in); err != nil {
			return err
		}
	}
	switch sc.end {
	case dossier.Processing, dossier.Supplement, dossier.Financial:
		return nil
	case dossier.Stopped:
		_, err := l.move(ctx, d.ID, dossier.ActStop, l.cal.AddWorking(t, 4*time.Hour), "Người nộp đề nghị tạm dừng để hoàn thiện thủ tục liên quan tại cơ quan khác.")
		return err
	case dossier.Withdrawn:
		_, err := l.move(ctx, d.ID, dossier.ActWithdraw, l.cal.AddWorking(t, 2*time.Hour), "Công dân có đơn xin rút hồ sơ.")
		return err
	}
	cur, err := l.st.Dossier(ctx, l.site, d.ID)
	if err != nil {
		return err
	}
	var fin time.Time
	switch sc.when {
	case early:
		fin = l.cal.AddWorking(t, l.cal.WorkingBetween(t, cur.DueAt)/3)
	case onTime:
		fin = cur.DueAt.Add(-30 * time.Minute)
	case late:
		fin = l.cal.AddWorking(cur.DueAt, 12*time.Hour)
	}
	if fin.Before(t) {
		fin = t.Add(time.Minute)
	}
	if fin.After(l.now) {
		return nil
	}
	stored, err := l.writeResult(fin)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(demoResultPDF)
	file := store.DossierFile{Kind: "result", Name: "ket-qua-" + cur.Code + ".pdf", StoredName: stored, Mime: "application/pdf",
		Size: int64(len(demoResultPDF)), SHA256: hex.EncodeToString(sum[:]), CreatedAt: fin}
	if _, err := l.moveWith(ctx, d.ID, dossier.Input{Action: dossier.ActFinish, Now: fin, ResultFile: stored}, file); err != nil {
		return err
	}
	if sc.end == dossier.Finished {
		return nil
	}
	ret := l.cal.AddWorking(fin, 4*time.Hour)
	if ret.After(l.now) {
		return nil
	}
	_, err = l.move(ctx, d.ID, dossier.ActReturn, ret, "")
	return err
}

func (l *demoLoader) move(ctx context.Context, id int64, a dossier.Action, at time.Time, note string) (dossier.Dossier, error) {
	if at.After(l.now) {
		return dossier.Dossier{}, nil
	}
	return l.moveWith(ctx, id, dossier.Input{Action: a, Now: at, Note: note})
}

func (l *demoLoader) moveWith(ctx context.Context, id int64, in dossier.Input, files ...store.DossierFile) (dossier.Dossier, error) {
	d, err := l.st.Dossier(ctx, l.site, id)
	if err != nil {
		return d, err
	}
	in.Who, in.ActorID, in.Actor, in.Clock = dossier.Desk|dossier.Specialist, l.officer, l.label, l.cal
	return l.st.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in, Files: files})
}

// writeResult stores the demo result file like an uploaded one.
func (l *demoLoader) writeResult(at time.Time) (string, error) {
	if l.dir == "" {
		return "demo/khong-co-tep", nil
	}
	sub := at.UTC().Format("2006/01")
	if err := os.MkdirAll(filepath.Join(l.dir, filepath.FromSlash(sub)), 0o750); err != nil {
		return "", err
	}
	var rnd [16]byte
	rand.Read(rnd[:])
	stored := sub + "/" + hex.EncodeToString(rnd[:])
	return stored, os.WriteFile(filepath.Join(l.dir, filepath.FromSlash(stored)), demoResultPDF, 0o640)
}
