package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

// Online submission: GET shows the form with a fresh idempotency key, POST
// checks everything, writes the files, creates the dossier in one
// transaction and redirects to the receipt.

func errProcedureOffline(p catalogue.Procedure) *Error {
	return &Error{Status: http.StatusForbidden, Code: "not_online",
		Message: fmt.Sprintf("Thủ tục “%s” chưa được cung cấp trực tuyến. Vui lòng nộp hồ sơ trực tiếp hoặc qua bưu chính tại bộ phận một cửa; xem hướng dẫn tại trang thủ tục.", p.Name)}
}

// onlineProcedure loads a published procedure that accepts online
// dossiers, with the units that may receive one today.
func (c *citizenDesk) onlineProcedure(r *http.Request, now time.Time) (catalogue.Procedure, []catalogue.Unit, error) {
	slug := r.PathValue("procedure")
	if !validSlug(slug) {
		return catalogue.Procedure{}, nil, errNotFound()
	}
	p, err := c.s.st.Procedure(r.Context(), c.s.siteIDOf(r), slug)
	if err != nil {
		return p, nil, err
	}
	if !p.Published {
		return p, nil, errNotFound()
	}
	if !p.Online() {
		return p, nil, errProcedureOffline(p)
	}
	var units []catalogue.Unit
	for _, u := range p.Units {
		if u.Selectable(now) {
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		return p, nil, errProcedureOffline(p)
	}
	return p, units, nil
}

// newKey is a random 128-bit identifier, URL-safe.
func newKey() string {
	var b [16]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// validKey: what an idempotency key may look like (ours are 22
// characters; API clients may send a UUID).
func validKey(k string) bool {
	if len(k) < 16 || len(k) > 100 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// tokenHash is what the database keeps of a private link's token.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (c *citizenDesk) submitForm(w http.ResponseWriter, r *http.Request) error {
	now := time.Now()
	proc, units, err := c.onlineProcedure(r, now)
	if err != nil {
		return err
	}
	p := c.newPage(r)
	p.Proc, p.Units, p.Key = proc, units, newKey()
	if len(units) == 1 {
		p.In["unit"] = strconv.FormatInt(units[0].ID, 10)
	}
	// A signed-in citizen starts from their identity and papers
	// (citizen_papers.go); the page reads the session only here.
	if r, err = c.s.loadCitizen(r); err != nil {
		return err
	}
	if err := c.fillForCitizen(r, p, true); err != nil {
		return err
	}
	return c.render(w, http.StatusOK, "submit", p)
}

func (c *citizenDesk) submit(w http.ResponseWriter, r *http.Request) error {
	if err := c.dbLimit(w, r, submitRule); err != nil {
		return err
	}
	r, err := c.s.loadCitizen(r)
	if err != nil {
		return err
	}
	now := time.Now()
	proc, units, err := c.onlineProcedure(r, now)
	if err != nil {
		return err
	}
	dir := c.s.dossierDir()
	if dir == "" {
		return &Error{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "Cổng chưa được cấu hình nơi lưu hồ sơ. Vui lòng nộp trực tiếp tại bộ phận một cửa và báo quản trị hệ thống."}
	}
	fs, err := openFormStream(w, r, maxDossierBody)
	if err != nil {
		return err
	}
	defer fs.finish()
	// The text fields come first in the form: they are read and checked
	// before any file is, so a bad submission costs no disk and no time.
	part, err := fs.nextFile()
	if err != nil {
		return err
	}

	p := c.newPage(r)
	p.Proc, p.Units = proc, units
	if err := c.fillForCitizen(r, p, false); err != nil {
		return err
	}
	var app dossier.Applicant
	var unit catalogue.Unit
	var key string
	var errs dossier.FieldErrors
	// check reads and validates the text fields received so far.
	check := func() error {
		for _, k := range []string{"name", "id_number", "dob", "phone", "email", "address", "unit", "consent", "no_sms"} {
			p.In[k] = cleanText(fs.get(k), 300)
		}
		key = fs.get("key")
		if h := r.Header.Get("Idempotency-Key"); h != "" {
			key = h
		}
		if key != "" && !validKey(key) {
			return errBadRequest("Mã chống gửi trùng (Idempotency-Key) không hợp lệ: 16–100 ký tự chữ, số, '-' hoặc '_'.")
		}
		p.Key = key
		if p.Key == "" {
			p.Key = newKey()
		}
		y, m, d := now.In(c.s.loc).Date()
		app, errs = dossier.ParseApplicant(dossier.ApplicantInput{Name: p.In["name"], IDNumber: p.In["id_number"], DOB: p.In["dob"],
			Phone: p.In["phone"], Email: p.In["email"], Address: p.In["address"]}, time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
		if errs == nil {
			errs = dossier.FieldErrors{}
		}
		unit = catalogue.Unit{}
		uid, _ := strconv.ParseInt(p.In["unit"], 10, 64)
		for _, u := range units {
			if u.ID == uid {
				unit = u
			}
		}
		if unit.ID == 0 {
			errs["unit"] = "Vui lòng chọn cơ quan giải quyết hồ sơ."
		}
		if p.In["consent"] != "1" {
			errs["consent"] = "Vui lòng đánh dấu ô cam đoan để nộp hồ sơ."
		}
		return nil
	}
	var ups []dossierUpload
	defer func() { discardUploads(ups) }()
	pf := c.pendingFiles(r.Context(), proc, fs, now) // submit_pending.go
	defer pf.close()
	invalid := func(status int) error {
		pf.keep(p, ups)
		p.Errs = errs
		p.Alert = "Hồ sơ chưa được gửi. Vui lòng sửa các mục dưới đây:"
		return c.render(w, status, "submit", p)
	}
	if err := check(); err != nil {
		return err
	}
	// Even when a field is wrong the files are read: the browser sends
	// them anyway, and the valid ones are kept for the corrected form
	// (submit_pending.go). Fields sent after the files (a page opened
	// before the form put them first, an API client) are checked at the end.
	components := map[string]int64{}
	for _, comp := range proc.Components {
		components["file_"+strconv.FormatInt(comp.ID, 10)] = comp.ID
	}
	fileErrs := dossier.FieldErrors{}
	got := map[string]bool{}
	tmpDir := c.s.uploadTempDir()
	for ; part != nil; part, err = fs.nextFile() {
		name := part.FormName()
		if _, ok := components[name]; !ok || got[name] {
			continue // not a component, or a second file for one: dropped unread
		}
		got[name] = true
		up, msg, big, err := spoolDossierFile(tmpDir, part.FileName(), part)
		if err != nil {
			return fs.spoolError(err)
		}
		up.field = name
		if big {
			// Over the per-file cap: answer at once, reading no further.
			errs[name] = msg
			return invalid(http.StatusRequestEntityTooLarge)
		}
		if msg != "" {
			fileErrs[name] = msg
			continue
		}
		ups = append(ups, up)
	}
	if err != nil {
		return err
	}
	if err := pf.load(); err != nil {
		return err
	}
	if len(errs) > 0 {
		// Fields that came after the files: checked now.
		if err := check(); err != nil {
			return err
		}
	}
	maps.Copy(errs, fileErrs)
	var compIDs []int64
	var reused []bool
	placed := ups[:0:0]
	reuse := c.reuser(r, fs)
	defer reuse.close()
	for _, comp := range proc.Components {
		name := "file_" + strconv.FormatInt(comp.ID, 10)
		i := slices.IndexFunc(ups, func(u dossierUpload) bool { return u.field == name })
		if i >= 0 {
			placed = append(placed, ups[i])
			compIDs = append(compIDs, comp.ID)
			reused = append(reused, false)
		} else if up, ok := pf.take(name); ok {
			placed = append(placed, up)
			compIDs = append(compIDs, comp.ID)
			reused = append(reused, false)
		} else if up, msg, ok := reuse.take(p, comp.ID, name); ok || msg != "" {
			if msg != "" {
				errs[name] = msg
				continue
			}
			placed = append(placed, up)
			compIDs = append(compIDs, comp.ID)
			reused = append(reused, true)
		} else if comp.Required && errs[name] == "" {
			errs[name] = "Thiếu thành phần bắt buộc: " + comp.Name + "."
		}
	}
	if len(errs) > 0 {
		return invalid(http.StatusUnprocessableEntity)
	}
	ups = placed

	files, err := saveDossierFiles(dir, now, "component", ups, compIDs)
	if err != nil {
		return err
	}
	for i := range files {
		files[i].Reused = reused[i]
	}
	token := newKey()
	dz := dossier.Dossier{SiteID: c.s.siteIDOf(r), ProcedureID: proc.ID, UnitID: unit.ID, Channel: dossier.Online, Status: dossier.New,
		ApplicantName: app.Name, ApplicantIDNumber: app.IDNumber, ApplicantDOB: app.DOB.Format("2006-01-02"),
		ApplicantPhone: app.Phone, ApplicantEmail: app.Email, ApplicantAddress: app.Address,
		PrivateTokenHash: tokenHash(token), IdempotencyKey: key, SubmittedAt: now.UTC(), SMSOptOut: p.In["no_sms"] == "1"}
	var created bool
	who := citizenFrom(r.Context())
	if who != nil {
		created, err = c.s.st.SubmitCitizenDossier(r.Context(), &dz, files, pf.claim(), who.c.ID)
	} else {
		created, err = c.s.st.SubmitDossierClaiming(r.Context(), &dz, files, pf.claim())
	}
	if !created {
		removeDossierFiles(dir, files)
	}
	if errors.Is(err, store.ErrIdempotencyConflict) {
		return &Error{Status: http.StatusConflict, Code: "idempotency_conflict",
			Message: "Biểu mẫu này đã được dùng để nộp một hồ sơ khác. Vui lòng tải lại trang nộp hồ sơ rồi nhập lại.", Err: err}
	}
	if err != nil {
		return err
	}
	if created {
		pf.done()
	}
	if created && who != nil {
		// What was typed fills the next form (Decree 42/2022's "3 clicks"
		// for a repeat applicant).
		if err := c.s.st.SaveCitizenProfile(r.Context(), c.s.siteIDOf(r), who.c.ID, app.Name, app.IDNumber,
			app.DOB.Format("2006-01-02"), app.Address, app.Phone); err != nil {
			return err
		}
	}
	c.s.log.Info("dossier submitted", "code", dz.Code, "created", created)
	if !created {
		// A replay (the first answer was lost on the way): the dossier
		// exists and its link was shown or mailed once; a second link is
		// never minted, so the citizen is told the code and how to get
		// the link back.
		http.Redirect(w, r, "/ho-so-cua-toi?ma="+url.QueryEscape(dz.Code)+"&da-nop=1", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/ho-so-cua-toi/"+token+"/bien-nhan", http.StatusSeeOther)
	return nil
}
