package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
)

type deskCounterPage struct {
	adminPage
	Procs  []catalogue.Procedure
	Proc   catalogue.Procedure
	Units  []catalogue.Unit
	In     map[string]string
	Errs   map[string]string
	Alert  string
	Accept string
	MaxMB  int
	// SMSOn: the portal texts applicants, so the form asks whether this
	// one wants texts.
	SMSOn bool
}

// counterForm is counter entry, in two steps so it works without
// JavaScript: choose the procedure, then fill in the dossier.
func (o *officerDesk) counterForm(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	p, err := o.counterPage(r, sc, r.URL.Query().Get("thu-tuc"))
	if err != nil {
		return err
	}
	p.In["channel"] = "1"
	return o.render(w, http.StatusOK, "desk_counter", p)
}

func (o *officerDesk) counterPage(r *http.Request, sc deskScope, procID string) (*deskCounterPage, error) {
	ctx := r.Context()
	p := &deskCounterPage{adminPage: o.s.newAdminPage(r, "Tiếp nhận hồ sơ tại quầy"), In: map[string]string{}, Errs: map[string]string{},
		Accept: acceptAttr, MaxMB: maxDossierFile >> 20, SMSOn: o.s.st.PartnersOn().SMS}
	p.Nav = "desk"
	procs, _, err := o.s.st.Procedures(ctx, store.ProcedureFilter{SiteID: o.s.siteIDOf(r)})
	if err != nil {
		return nil, err
	}
	p.Procs = procs
	id, _ := strconv.ParseInt(procID, 10, 64)
	if id == 0 {
		return p, nil
	}
	proc, err := o.s.st.ProcedureByID(ctx, o.s.siteIDOf(r), id)
	if err != nil {
		return nil, err
	}
	p.Proc = proc
	p.In["procedure"] = strconv.FormatInt(proc.ID, 10)
	now := time.Now()
	for _, u := range proc.Units {
		if u.Selectable(now) && sc.hasUnit(u.ID) {
			p.Units = append(p.Units, u)
		}
	}
	if len(p.Units) == 0 {
		p.Alert = "Bạn không làm việc tại đơn vị nào giải quyết thủ tục này, nên không tiếp nhận được hồ sơ của thủ tục. Hãy chọn thủ tục khác hoặc đề nghị quản trị phân công đơn vị."
	}
	return p, nil
}

// counterCreate records a dossier received in person or by post: received
// (status 2) at once, with its appointment from the site's calendar.
func (o *officerDesk) counterCreate(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	ctx := r.Context()
	p, err := o.counterPage(r, sc, r.PostFormValue("procedure"))
	if err != nil {
		return err
	}
	if p.Proc.ID == 0 {
		return errBadRequest("Vui lòng chọn thủ tục hành chính.")
	}
	for _, k := range []string{"name", "id_number", "dob", "phone", "email", "address", "unit", "channel", "no_sms"} {
		p.In[k] = cleanText(r.PostFormValue(k), 300)
	}
	now := time.Now()
	y, m, d := now.In(o.s.loc).Date()
	app, errs := dossier.ParseApplicant(dossier.ApplicantInput{Name: p.In["name"], IDNumber: p.In["id_number"], DOB: p.In["dob"],
		Phone: p.In["phone"], Email: p.In["email"], Address: p.In["address"]}, time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	if errs == nil {
		errs = dossier.FieldErrors{}
	}
	ch, _ := strconv.Atoi(p.In["channel"])
	if dossier.Channel(ch) != dossier.Counter && dossier.Channel(ch) != dossier.Post {
		errs["channel"] = "Vui lòng chọn hình thức nộp: trực tiếp hoặc qua bưu chính."
	}
	uid, _ := strconv.ParseInt(p.In["unit"], 10, 64)
	var unit catalogue.Unit
	for _, u := range p.Units {
		if u.ID == uid {
			unit = u
		}
	}
	if unit.ID == 0 {
		errs["unit"] = "Vui lòng chọn đơn vị giải quyết (trong các đơn vị bạn làm việc)."
	}
	// At the counter the officer checks the paper originals; scans are
	// optional, but every scan given must be a proper file.
	var ups []dossierUpload
	defer func() { discardUploads(ups) }()
	var compIDs []int64
	tooLarge := false
	if r.MultipartForm != nil {
		for _, comp := range p.Proc.Components {
			name := "file_" + strconv.FormatInt(comp.ID, 10)
			fhs := r.MultipartForm.File[name]
			if len(fhs) == 0 || fhs[0].Size == 0 && fhs[0].Filename == "" {
				continue
			}
			up, msg, big := readDossierFile(o.s.uploadTempDir(), fhs[0])
			if msg != "" {
				errs[name] = msg
				tooLarge = tooLarge || big
				continue
			}
			ups = append(ups, up)
			compIDs = append(compIDs, comp.ID)
		}
	}
	cal, err := o.s.workCalendar(ctx)
	if err != nil {
		return err
	}
	due, err := dossier.DueAtReceipt(cal, now, p.Proc.TimeAmount, p.Proc.TimeUnit)
	if err != nil {
		p.Alert = "Không tính được ngày hẹn trả theo thời hạn của thủ tục (" + err.Error() + "). Hãy báo quản trị sửa thời hạn của thủ tục."
	}
	if len(errs) > 0 || p.Alert != "" {
		p.Errs = errs
		if p.Alert == "" {
			p.Alert = "Hồ sơ chưa được tiếp nhận. Vui lòng sửa các mục dưới đây (các tệp đã chọn cần chọn lại):"
		}
		status := http.StatusUnprocessableEntity
		if tooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		return o.render(w, status, "desk_counter", p)
	}
	var files []store.DossierFile
	if len(ups) > 0 {
		if files, err = saveDossierFiles(o.s.dossierDir(), now, "component", ups, compIDs); err != nil {
			return err
		}
	}
	u := sc.user
	dz := dossier.Dossier{SiteID: o.s.siteIDOf(r), ProcedureID: p.Proc.ID, UnitID: unit.ID, Channel: dossier.Channel(ch),
		ApplicantName: app.Name, ApplicantIDNumber: app.IDNumber, ApplicantDOB: app.DOB.Format("2006-01-02"),
		ApplicantPhone: app.Phone, ApplicantEmail: app.Email, ApplicantAddress: app.Address,
		ReceivedAt: now.UTC(), DueAt: due, CreatedBy: u.ID, SMSOptOut: p.In["no_sms"] == "1"}
	if err := o.s.st.CreateCounterDossier(ctx, &dz, userLabel(u.Name, u.Username), files); err != nil {
		removeDossierFiles(o.s.dossierDir(), files)
		return err
	}
	o.s.audit(r, "dossier.counter_create", "dossier", dz.ID, dz.Code)
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=moi", dz.ID), http.StatusSeeOther)
	return nil
}
