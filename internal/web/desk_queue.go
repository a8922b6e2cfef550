package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/viet"
)

// deskRow is one dossier of a queue, with its deadline judged now.
type deskRow struct {
	D       dossier.Dossier
	Timing  dossier.Timeliness
	Breach  bool // online dossier not answered within 8 working hours
	Waiting string
}

type deskTab struct {
	Status  dossier.Status // 0: all
	Name    string
	Count   int
	URL     string
	Current bool
}

type deskQueuePage struct {
	adminPage
	Tabs    []deskTab
	Rows    []deskRow
	Total   int
	Pager   pager
	Query   string
	Status  dossier.Status
	NoUnits bool
	IsAdmin bool
}

const deskPerPage = 50

// queue lists the dossiers of the officer's units by status, the ones due
// soonest first, with near-due and late ones marked in words and colour.
func (o *officerDesk) queue(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	q := r.URL.Query()
	p := &deskQueuePage{adminPage: o.s.newAdminPage(r, "Hồ sơ một cửa"), IsAdmin: sc.admin}
	p.Nav, p.Flash = "desk", deskFlashes[q.Get("tb")]
	p.Query = strings.TrimSpace(viet.NFC(q.Get("q")))
	if len([]rune(p.Query)) > 100 {
		p.Query = string([]rune(p.Query)[:100])
	}
	if n, err := strconv.Atoi(q.Get("trang-thai")); err == nil && dossier.Status(n).Valid() {
		p.Status = dossier.Status(n)
	}
	page, _ := strconv.Atoi(q.Get("trang"))
	page = max(page, 1)
	p.NoUnits = !sc.admin && len(sc.unitIDs) == 0

	f := sc.filter(o.s.siteIDOf(r))
	f.Query, f.Status = p.Query, p.Status
	f.Limit, f.Offset = deskPerPage, (page-1)*deskPerPage
	counts, err := o.s.st.DossierCounts(ctx, f)
	if err != nil {
		return err
	}
	list, total, err := o.s.st.DossierQueue(ctx, f)
	if err != nil {
		return err
	}
	base := func(st dossier.Status) string {
		v := url.Values{}
		if st != 0 {
			v.Set("trang-thai", strconv.Itoa(int(st)))
		}
		if p.Query != "" {
			v.Set("q", p.Query)
		}
		if len(v) == 0 {
			return "/quan-tri/ho-so?"
		}
		return "/quan-tri/ho-so?" + v.Encode() + "&"
	}
	all := 0
	for _, n := range counts {
		all += n
	}
	p.Tabs = append(p.Tabs, deskTab{Name: "Tất cả", Count: all, URL: strings.TrimRight(base(0), "?&"), Current: p.Status == 0})
	for _, st := range dossier.Statuses {
		p.Tabs = append(p.Tabs, deskTab{Status: st, Name: st.String(), Count: counts[st], URL: strings.TrimRight(base(st), "?&"), Current: p.Status == st})
	}
	cal, err := o.s.workCalendar(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	for _, d := range list {
		row := deskRow{D: d, Timing: dossier.Classify(&d, now, cal), Breach: dossier.ResponseBreach(&d, now, cal)}
		p.Rows = append(p.Rows, row)
	}
	p.Total = total
	p.Pager = pager{Page: page, Pages: (total + deskPerPage - 1) / deskPerPage, Base: base(p.Status)}
	// The list shows applicants' names: who looked, and for what, is kept.
	o.s.audit(r, "dossier.list", "dossier", 0, strings.TrimSpace("trạng thái "+strconv.Itoa(int(p.Status))+" "+p.Query))
	return o.render(w, http.StatusOK, "desk_queue", p)
}
