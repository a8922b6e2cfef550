package web

import (
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// The private dossier page: /ho-so-cua-toi/{token}. The token is 128
// random bits shown once on the receipt; only its SHA-256 is stored. A
// wrong, forged or malformed token gets exactly the 404 of a missing page.

// byToken loads the dossier of the request's private link.
func (c *citizenDesk) byToken(r *http.Request) (string, dossier.Dossier, error) {
	token := r.PathValue("token")
	// Our tokens are 22 URL-safe characters; anything else cannot match
	// and is not worth a query.
	if len(token) != 22 || !validKey(token) {
		return "", dossier.Dossier{}, errNotFound()
	}
	d, err := c.s.st.DossierByToken(r.Context(), c.s.siteIDOf(r), tokenHash(token))
	if errors.Is(err, store.ErrNotFound) {
		return "", d, errNotFound()
	}
	return token, d, err
}

// fillDossier loads what the private page shows.
func (c *citizenDesk) fillDossier(r *http.Request, p *citizenPage, d dossier.Dossier) error {
	ctx := r.Context()
	p.D = d
	var err error
	if p.Events, err = c.s.st.DossierEvents(ctx, d.ID); err != nil {
		return err
	}
	if p.Files, err = c.s.st.DossierFiles(ctx, d.ID); err != nil {
		return err
	}
	if p.Forms, err = c.citizenForms(ctx, d.ID); err != nil {
		return err
	}
	for i := range p.Files {
		if p.Files[i].Kind == "result" {
			p.Result = &p.Files[i]
		}
	}
	// The reason shown is the one given for the current status (refusal,
	// supplement request, stop).
	for i := len(p.Events) - 1; i >= 0; i-- {
		if e := p.Events[i]; e.To == d.Status {
			if e.Note != "" && (d.Status == dossier.Refused || d.Status == dossier.Supplement || d.Status == dossier.Stopped) {
				p.Reason = e.Note
			}
			break
		}
	}
	// Even on the citizen's own page the CCCD number is masked: a private
	// link gets forwarded, and the citizen knows the number anyway.
	p.D.ApplicantIDNumber = dossier.MaskID(d.ApplicantIDNumber)
	if t, err := time.Parse("2006-01-02", d.ApplicantDOB); err == nil {
		p.DOB = t.Format("02/01/2006")
	}
	if p.Payments, err = c.s.st.DossierPayments(ctx, d.ID); err != nil {
		return err
	}
	p.PayOn = c.s.pay != nil
	for _, t := range dossier.Allowed(&d, dossier.Citizen) {
		if t.Action == dossier.ActWithdraw {
			p.CanWithdraw = true
		}
	}
	if p.SMSOn {
		if p.SMSOff, err = c.s.st.SMSOptOut(ctx, d.SiteID, d.ID); err != nil {
			return err
		}
	}
	return c.fillRating(r, p, d)
}

// smsChoice turns the dossier's text messages off ("tat") or back on
// ("bat"): the link in the private page, beside the box at submission.
func (c *citizenDesk) smsChoice(w http.ResponseWriter, r *http.Request) error {
	token, d, err := c.byToken(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	var off bool
	switch r.PostFormValue("sms") {
	case "tat":
		off = true
	case "bat":
	default:
		return errBadRequest("Lựa chọn nhận tin nhắn không hợp lệ.")
	}
	if err := c.s.st.SetSMSOptOut(r.Context(), d.SiteID, d.ID, off); err != nil {
		return err
	}
	tb := "sms-bat"
	if off {
		tb = "sms-tat"
	}
	http.Redirect(w, r, "/ho-so-cua-toi/"+token+"?tb="+tb, http.StatusSeeOther)
	return nil
}

func (c *citizenDesk) myDossier(w http.ResponseWriter, r *http.Request) error {
	a, err := c.access(r)
	if err != nil {
		return err
	}
	p := c.newPage(r)
	a.page(p)
	if a.token != "" {
		// A signed-in citizen may add the private link's dossier to the
		// account; the session is read only here, not on every public page.
		if r, err = c.s.loadCitizen(r); err != nil {
			return err
		}
		if cs := citizenFrom(r.Context()); cs != nil {
			p.Who, p.CSRF = &cs.c, cs.csrf
			owner, err := c.s.st.DossierCitizen(r.Context(), a.d.ID)
			if err != nil {
				return err
			}
			p.Claimed = owner == cs.c.ID
		}
	}
	p.Flash = myFlashes[r.URL.Query().Get("tb")]
	if err := c.fillDossier(r, p, a.d); err != nil {
		return err
	}
	return c.render(w, http.StatusOK, "mydossier", p)
}

func (c *citizenDesk) receipt(w http.ResponseWriter, r *http.Request) error {
	token, d, err := c.byToken(r)
	if err != nil {
		return err
	}
	p := c.newPage(r)
	p.D, p.Token = d, token
	p.LookupURL = c.s.baseURLOf(r) + "/tra-cuu?ma=" + d.Code
	p.PrivateURL = c.s.baseURLOf(r) + "/ho-so-cua-toi/" + token
	if p.QR, err = qrSVG(p.LookupURL, "Mã QR tra cứu hồ sơ "+d.Code); err != nil {
		return err
	}
	return c.render(w, http.StatusOK, "receipt", p)
}

// myFile downloads one of the dossier's files: always as an attachment,
// with the type recorded at upload, never rendered by the browser.
func (c *citizenDesk) myFile(w http.ResponseWriter, r *http.Request) error {
	a, err := c.access(r)
	if err != nil {
		return err
	}
	d := a.d
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNotFound()
	}
	f, err := c.s.st.DossierFile(r.Context(), d.ID, id)
	if err != nil {
		return err
	}
	fh, err := openDossierFile(c.s.dossierDir(), f.StoredName)
	if err != nil {
		c.s.log.Error("dossier file missing", "dossier", d.Code, "file", f.ID, "err", err)
		return errNotFound()
	}
	defer fh.Close()
	h := w.Header()
	h.Set("Content-Type", f.Mime)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	http.ServeContent(w, r, "", f.CreatedAt, fh)
	return nil
}

// versionOf reads the version the page was rendered at; a missing one
// means "whatever is current" (forms always send it).
func versionOf(r *http.Request, d dossier.Dossier) int {
	if v, err := strconv.Atoi(r.FormValue("version")); err == nil {
		return v
	}
	return d.Version
}

func errChanged() *Error {
	return &Error{Status: http.StatusConflict, Code: "conflict",
		Message: "Hồ sơ vừa được cơ quan giải quyết cập nhật. Vui lòng mở lại trang hồ sơ để xem trạng thái mới rồi thực hiện lại."}
}

// moveError maps a refused move to what the citizen sees.
func moveError(err error) error {
	var te *dossier.TransitionError
	if errors.As(err, &te) {
		status := http.StatusConflict
		if errors.Is(err, dossier.ErrNotAllowed) {
			status = http.StatusForbidden
		}
		return &Error{Status: status, Code: "conflict", Message: te.Msg, Err: err}
	}
	if errors.Is(err, store.ErrStale) {
		return errChanged()
	}
	return err
}

// supplement takes the citizen's additional files while the dossier waits
// for them (status 5) and, in the same transaction, sends it back to the
// office, resuming the clock.
func (c *citizenDesk) supplement(w http.ResponseWriter, r *http.Request) error {
	a, err := c.access(r)
	if err != nil {
		return err
	}
	d := a.d
	dir := c.s.dossierDir()
	if dir == "" {
		return &Error{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "Cổng chưa được cấu hình nơi lưu hồ sơ. Vui lòng nộp bổ sung trực tiếp tại bộ phận một cửa."}
	}
	fs, err := openFormStream(w, r, maxDossierBody)
	if err != nil {
		return err
	}
	defer fs.finish()
	// The version and note come before the files: a stale page is
	// refused before any file is read.
	part, err := fs.nextFile()
	if err != nil {
		return err
	}
	if err := a.csrf(fs.get("csrf")); err != nil {
		return err
	}
	if d.Status != dossier.Supplement {
		return moveError(&dossier.TransitionError{Kind: dossier.ErrForbiddenTransition, Status: d.Status,
			Msg: "Hồ sơ không ở trạng thái “Yêu cầu bổ sung” (hiện là “" + d.Status.String() + "”) nên không nhận tệp bổ sung."})
	}
	if v, err := strconv.Atoi(fs.get("version")); err == nil && v != d.Version {
		return errChanged()
	}
	p := c.newPage(r)
	a.page(p)
	var ups []dossierUpload
	defer func() { discardUploads(ups) }()
	msgs := []string{}
	tooLarge := false
	tmpDir := c.s.uploadTempDir()
	for ; part != nil; part, err = fs.nextFile() {
		if part.FormName() != "files" {
			continue
		}
		up, msg, big, err := spoolDossierFile(tmpDir, part.FileName(), part)
		if err != nil {
			return fs.spoolError(err)
		}
		if msg != "" {
			msgs = append(msgs, msg)
		}
		if big {
			tooLarge = true
			break // over the per-file cap: read no further
		}
		if msg == "" {
			ups = append(ups, up)
		}
	}
	if err != nil {
		return err
	}
	note := cleanText(fs.get("note"), 1000)
	p.In["note"] = note
	if len(ups) == 0 && len(msgs) == 0 {
		msgs = append(msgs, "Vui lòng chọn ít nhất một tệp bổ sung.")
	}
	if len(msgs) > 0 {
		if err := c.fillDossier(r, p, d); err != nil {
			return err
		}
		p.Errs = map[string]string{"files": strings.Join(msgs, " ") + " Vui lòng chọn lại các tệp."}
		p.Alert = "Chưa gửi được hồ sơ bổ sung."
		status := http.StatusUnprocessableEntity
		if tooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		return c.render(w, status, "mydossier", p)
	}
	now := time.Now()
	files, err := saveDossierFiles(dir, now, "supplement", ups, nil)
	if err != nil {
		return err
	}
	clock, err := c.s.citizenClock(r)
	if err != nil {
		removeDossierFiles(dir, files)
		return err
	}
	_, err = c.s.st.MoveDossier(r.Context(), store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActSupplemented, Who: dossier.Citizen,
		Actor: d.ApplicantName + " (công dân)", Now: now, Note: note, Clock: clock}, Files: files})
	if err != nil {
		removeDossierFiles(dir, files)
		return moveError(err)
	}
	http.Redirect(w, r, a.base+"?tb=bo-sung", http.StatusSeeOther)
	return nil
}

// withdraw: the citizen withdraws the dossier (status 7), after ticking the
// confirmation.
func (c *citizenDesk) withdraw(w http.ResponseWriter, r *http.Request) error {
	a, err := c.access(r)
	if err != nil {
		return err
	}
	d := a.d
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseMultipartForm(64 << 10); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return errBadRequest("Không đọc được dữ liệu gửi lên.")
	}
	if versionOf(r, d) != d.Version {
		return errChanged()
	}
	if r.FormValue("confirm") != "1" {
		p := c.newPage(r)
		a.page(p)
		if err := c.fillDossier(r, p, d); err != nil {
			return err
		}
		p.Errs = map[string]string{"confirm": "Vui lòng đánh dấu ô xác nhận để rút hồ sơ."}
		p.Alert = "Chưa rút hồ sơ."
		return c.render(w, http.StatusUnprocessableEntity, "mydossier", p)
	}
	_, err = c.s.st.MoveDossier(r.Context(), store.MoveRequest{Before: d, Input: dossier.Input{Action: dossier.ActWithdraw, Who: dossier.Citizen,
		Actor: d.ApplicantName + " (công dân)", Now: time.Now(), Note: cleanText(r.FormValue("note"), 1000)}})
	if err != nil {
		return moveError(err)
	}
	http.Redirect(w, r, a.base+"?tb=rut", http.StatusSeeOther)
	return nil
}

// citizenClock is the site's working-day calendar, used to resume the
// processing clock after a supplement.
func (s *Server) citizenClock(r *http.Request) (dossier.Clock, error) {
	cal, err := s.workCalendar(r.Context())
	if err != nil || cal == nil {
		// A nil *Calendar must not become a non-nil interface.
		return nil, err
	}
	return cal, nil
}
