package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/rating"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/viet"
)

// deskMove is one form on the dossier page: a move allowed now.
type deskMove struct {
	dossier.Transition
	NeedsAssignee bool
	TakesFiles    bool // supplement papers brought to the desk
}

type deskDetailPage struct {
	adminPage
	D            dossier.Dossier
	Timing       dossier.Timeliness
	Breach       bool
	RespondBy    time.Time
	Events       []dossier.Event
	Rating       *rating.Rating // the citizen's, once given
	Files        []store.DossierFile
	Moves        []deskMove
	Officers     []store.Officer
	ProcTime     string
	Error        string
	ErrorAction  dossier.Action
	Note         string // the note typed before an error, kept
	Accept       string
	MaxMB        int
	IsSpecialist bool
	Forms        []store.DossierForm // TT 01/2018 forms issued (desk_forms.go)
	Apology      deskApology
	Privacy      store.DossierPrivacy // recovery lock, erasure (desk_privacy.go)
	Quality      deskQuality          // complaints and digitisation (desk_quality.go)
	Payments     []store.Payment      // online fees (citizen_payment.go)
	Signing      deskSigning          // signed electronic results (desk_sign.go)
}

func (o *officerDesk) detail(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	o.s.audit(r, "dossier.view", "dossier", d.ID, d.Code)
	p, err := o.detailPage(r, sc, d)
	if err != nil {
		return err
	}
	p.Flash = deskFlashes[r.URL.Query().Get("tb")]
	return o.render(w, http.StatusOK, "desk_detail", p)
}

func (o *officerDesk) detailPage(r *http.Request, sc deskScope, d dossier.Dossier) (*deskDetailPage, error) {
	ctx := r.Context()
	p := &deskDetailPage{adminPage: o.s.newAdminPage(r, "Hồ sơ "+d.Code), D: d, Accept: acceptAttr, MaxMB: maxDossierFile >> 20}
	p.Nav = "desk"
	cal, err := o.s.workCalendar(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	p.Timing, p.Breach = dossier.Classify(&d, now, cal), dossier.ResponseBreach(&d, now, cal)
	p.RespondBy = dossier.ResponseDeadline(&d, cal)
	if p.Events, err = o.s.st.DossierEvents(ctx, d.ID); err != nil {
		return nil, err
	}
	if p.Payments, err = o.s.st.DossierPayments(ctx, d.ID); err != nil {
		return nil, err
	}
	if p.Files, err = o.s.st.DossierFiles(ctx, d.ID); err != nil {
		return nil, err
	}
	if proc, err := o.s.st.ProcedureByID(ctx, o.s.siteIDOf(r), d.ProcedureID); err == nil {
		p.ProcTime = proc.TimeText()
	}
	if p.Rating, err = o.dossierRating(ctx, d); err != nil {
		return nil, err
	}
	if p.Privacy, err = o.s.st.DossierPrivacy(ctx, d.ID); err != nil {
		return nil, err
	}
	who := sc.actor(&d)
	p.IsSpecialist = who&dossier.Specialist != 0
	for _, t := range dossier.Allowed(&d, who) {
		m := deskMove{Transition: t, NeedsAssignee: t.Action == dossier.ActProcess || t.Action == dossier.ActAssign,
			TakesFiles: t.Action == dossier.ActSupplemented}
		if m.NeedsAssignee && p.Officers == nil {
			if p.Officers, err = o.unitOfficers(r, d.UnitID); err != nil {
				return nil, err
			}
		}
		p.Moves = append(p.Moves, m)
	}
	if err := o.fillForms(r, sc, p, now, cal); err != nil {
		return nil, err
	}
	if err := o.fillQuality(r, p); err != nil {
		return nil, err
	}
	if err := o.fillSigning(r, p); err != nil {
		return nil, err
	}
	return p, nil
}

// unitOfficers are the people a dossier of the unit can be handed to: the
// unit's officers who are not disabled.
func (o *officerDesk) unitOfficers(r *http.Request, unitID int64) ([]store.Officer, error) {
	all, err := o.s.st.Officers(r.Context(), o.s.siteIDOf(r))
	if err != nil {
		return nil, err
	}
	out := []store.Officer{}
	for _, of := range all {
		if of.Disabled {
			continue
		}
		for _, u := range of.UnitIDs {
			if u == unitID {
				out = append(out, of)
				break
			}
		}
	}
	return out, nil
}

// move applies one move of the transition table. Errors re-render the page
// with the typed note kept: 409 when the move is not possible from the
// current status (or someone moved the dossier meanwhile), 422 for a
// missing reason, assignee or result file, 403 when the user may not.
func (o *officerDesk) move(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	ctx := r.Context()
	action := dossier.Action(r.PostFormValue("action"))
	note := formText(r, "note")
	fail := func(status int, msg string) error {
		p, err := o.detailPage(r, sc, d)
		if err != nil {
			return err
		}
		p.Error, p.ErrorAction, p.Note = msg, action, note
		return o.render(w, status, "desk_detail", p)
	}
	// 403 before 409: a stale form from someone who may not make the
	// move at all is refused as such.
	if err := dossier.Permit(d, action, sc.actor(&d)); err != nil {
		return o.moveError(w, r, fail, err)
	}
	if v, err := strconv.Atoi(r.PostFormValue("version")); err != nil || v != d.Version {
		return fail(http.StatusConflict, fmt.Sprintf("Hồ sơ vừa được người khác cập nhật (hiện ở trạng thái “%s”). Hãy xem lại lịch sử bên dưới rồi thao tác lại.", d.Status))
	}
	u := sc.user
	in := dossier.Input{Action: action, Who: sc.actor(&d), ActorID: u.ID, Actor: userLabel(u.Name, u.Username), Now: time.Now(), Note: note}
	cal, err := o.s.workCalendar(ctx)
	if err != nil {
		return err
	}
	in.Clock = cal
	switch action {
	case dossier.ActReceive:
		proc, err := o.s.st.ProcedureByID(ctx, o.s.siteIDOf(r), d.ProcedureID)
		if err != nil {
			return err
		}
		if in.Due, err = dossier.DueAtReceipt(cal, in.Now, proc.TimeAmount, proc.TimeUnit); err != nil {
			return fail(http.StatusUnprocessableEntity, "Không tính được ngày hẹn trả theo thời hạn của thủ tục: "+err.Error())
		}
	case dossier.ActProcess, dossier.ActAssign:
		id, _ := strconv.ParseInt(r.PostFormValue("assignee"), 10, 64)
		if id != 0 {
			offs, err := o.unitOfficers(r, d.UnitID)
			if err != nil {
				return err
			}
			ok := false
			for _, of := range offs {
				ok = ok || of.ID == id
			}
			if !ok {
				return fail(http.StatusUnprocessableEntity, "Chuyên viên được chọn không thuộc đơn vị giải quyết hồ sơ này.")
			}
		}
		in.Assignee = id
	}
	var files []store.DossierFile
	var ups []dossierUpload
	defer func() { discardUploads(ups) }()
	kind := map[dossier.Action]string{dossier.ActFinish: "result", dossier.ActSupplemented: "supplement"}[action]
	if kind != "" && r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			up, msg, tooLarge := readDossierFile(o.s.uploadTempDir(), fh)
			if msg != "" {
				status := http.StatusUnprocessableEntity
				if tooLarge {
					status = http.StatusRequestEntityTooLarge
				}
				return fail(status, msg)
			}
			ups = append(ups, up)
		}
	}
	// Checked before any file is written, so a refused move leaves nothing
	// on disk.
	if _, err := dossier.Check(d, in, len(ups) > 0); err != nil {
		return o.moveError(w, r, fail, err)
	}
	if len(ups) > 0 {
		if files, err = saveDossierFiles(o.s.dossierDir(), in.Now, kind, ups, nil); err != nil {
			return err
		}
		if action == dossier.ActFinish {
			in.ResultFile = files[0].StoredName
		}
	}
	after, err := o.s.st.MoveDossier(ctx, store.MoveRequest{Before: d, Input: in, Files: files,
		Audit: &store.AuditEntry{SiteID: o.s.siteIDOf(r), UserID: u.ID, Username: u.Username, Action: "dossier." + string(action), IP: o.s.clientIP(r)}})
	if err != nil {
		removeDossierFiles(o.s.dossierDir(), files)
		return o.moveError(w, r, fail, err)
	}
	tb := "chuyen"
	if action == dossier.ActSupplemented {
		tb = "bo-sung"
	}
	if action == dossier.ActFinish {
		if tried, err := o.autoSign(r, after, u.ID); err != nil {
			o.s.log.Warn("result not signed", "dossier", d.Code, "err", err)
			tb = "ky-so-loi"
		} else if tried {
			tb = "ky-so"
		}
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=%s", d.ID, tb), http.StatusSeeOther)
	return nil
}

func (o *officerDesk) moveError(_ http.ResponseWriter, _ *http.Request, fail func(int, string) error, err error) error {
	var te *dossier.TransitionError
	switch {
	case errors.As(err, &te):
		status := http.StatusUnprocessableEntity
		switch {
		case errors.Is(err, dossier.ErrForbiddenTransition), errors.Is(err, dossier.ErrUnknownAction):
			status = http.StatusConflict
		case errors.Is(err, dossier.ErrNotAllowed):
			status = http.StatusForbidden
		}
		return fail(status, te.Msg)
	case errors.Is(err, store.ErrStale):
		return fail(http.StatusConflict, "Hồ sơ vừa được người khác cập nhật. Hãy xem lại lịch sử bên dưới rồi thao tác lại.")
	}
	return err
}

func userLabel(name, username string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	return username
}

// download sends a dossier's file to staff who may see the dossier, as an
// attachment that browsers never render inline, and audits it.
func (o *officerDesk) download(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	fid, err := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	f, err := o.s.st.DossierFile(r.Context(), d.ID, fid)
	if err != nil {
		return err
	}
	fh, err := openDossierFile(o.s.dossierDir(), f.StoredName)
	if err != nil {
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Không tìm thấy tệp trong kho lưu trữ. Hãy báo quản trị kiểm tra thư mục dữ liệu.", Err: err}
	}
	defer fh.Close()
	o.s.audit(r, "dossier.file_download", "dossier", d.ID, d.Code+": "+f.Name)
	h := w.Header()
	h.Set("Content-Type", f.Mime)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": viet.NFC(f.Name)}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	_, err = io.Copy(w, fh)
	return err
}
