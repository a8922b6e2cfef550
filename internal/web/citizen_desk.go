package web

import (
	"bytes"
	"html/template"
	"net/http"
	"path/filepath"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/citizen"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// The citizen's side of the public-service desk: online submission, the
// receipt, the private dossier page and the public lookup.

// citizenDesk holds what the citizen pages need besides the Server: their
// templates and the per-client rate limits.
type citizenDesk struct {
	s    *Server
	tmpl templates

	// Per-instance limit (in memory): behind a load balancer with N
	// instances a client gets at most N times the rate, which still stops
	// enumeration of codes. Recovery and submission are limited in the
	// database (limit_db.go).
	lookupLimit *rateLimiter // 30 lookups a minute
}

func newCitizenDesk(s *Server) *citizenDesk {
	return &citizenDesk{s: s, tmpl: s.tmpl, lookupLimit: newRateLimiter(30, time.Minute)}
}

// citizenPage is the data of every citizen desk page.
type citizenPage struct {
	page
	Proc   catalogue.Procedure
	Units  []catalogue.Unit
	In     map[string]string
	Errs   map[string]string
	Alert  string
	Flash  string
	Key    string
	Accept string
	MaxMB  int

	pendingView // files kept across a validation error (submit_pending.go)

	D          dossier.Dossier
	Events     []dossier.Event
	Files      []store.DossierFile
	Result     *store.DossierFile
	Forms      []store.DossierForm // forms 01–04 issued (citizen_mydossier_forms.go)
	Reason     string
	DOB        string
	QR         template.HTML
	LookupURL  string
	PrivateURL string
	Token      string
	Base       string           // the dossier's address: its private link, or /cong-dan/ho-so/{code}
	CSRF       string           // the signed-in citizen's form token
	Who        *citizen.Citizen // the signed-in citizen, if any
	Claimed    bool             // the private link's dossier is in Who's account already

	account     // the citizen's account pages (citizen_account.go)
	Code        string
	Found       bool
	CanWithdraw bool
	// SMSOn: the portal sends text messages, so the pages offer the
	// opt-out; SMSOff is this dossier's choice.
	SMSOn, SMSOff bool
	Rating        ratingBlock
	// Online fees (citizen_payment.go): the dossier's payment rows, whether
	// the gateway is configured, and the return page's verdict.
	Payments  []store.Payment
	PayOn     bool
	PayResult payResult
}

// payResult is what the payment return page says.
type payResult struct {
	OK          bool
	Title, Text string
	Shown       bool
	Payment     store.Payment
}

func (c *citizenDesk) newPage(r *http.Request) *citizenPage {
	p := &citizenPage{page: *c.s.basePage(r.Context()), In: map[string]string{}, Accept: acceptAttr, MaxMB: maxDossierFile >> 20,
		SMSOn: c.s.st.PartnersOn().SMS}
	p.NoIndex = true
	return p
}

// render writes a citizen page. Nothing here is cached by browsers or
// proxies: forms carry an idempotency key, private pages personal data.
func (c *citizenDesk) render(w http.ResponseWriter, status int, name string, p *citizenPage) error {
	var buf bytes.Buffer
	if err := c.tmpl[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if p.Token != "" || p.D.ApplicantName != "" || p.Who != nil {
		// The private link must not leak to other sites through Referer.
		h.Set("Referrer-Policy", "no-referrer")
	}
	splitLive(buf.Bytes()).write(w, status, &liveValues{stats: c.s.counterFor(p.Site.ID).Stats()})
	return nil
}

// field is one text input of the submission form.
type field struct {
	Name, Label, Type, Hint, Auto, Value, Err string
}

func fieldOf(p *citizenPage, name, label, typ, hint, auto string) field {
	return field{Name: name, Label: label, Type: typ, Hint: hint, Auto: auto, Value: p.In[name], Err: p.Errs[name]}
}

func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

// dossierDir is where dossier files live: <data>/dossiers, beside the
// media library (<data>/media) and never under a public path. Empty when
// the server has no data folder.
func (s *Server) dossierDir() string {
	if s.mediaDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(s.mediaDir), "dossiers")
}
