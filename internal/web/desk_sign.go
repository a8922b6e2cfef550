package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/esign"
	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
)

// Signed electronic results (issue 18): a dossier's result PDF and its
// forms 01–05 are signed with the unit's certificate (PAdES, esign), with
// a stamp whose QR code opens the public check page (citizen_verify.go).
// Each issued file is recorded with its hash and a random public code;
// a signed result is also a result file the citizen downloads from the
// private link, and counts as "issued electronically" for Decision 766.

// deskSigning is the desk page's signing section.
type deskSigning struct {
	Configured bool
	Signed     []store.SignedFile
	// Unsigned PDF results that can be signed now (id → name).
	Results []store.DossierFile
}

func (o *officerDesk) fillSigning(r *http.Request, p *deskDetailPage) error {
	sg := &p.Signing
	sg.Configured = o.s.signing.Configured()
	var err error
	if sg.Signed, err = o.s.st.SignedFiles(r.Context(), p.D.ID); err != nil {
		return err
	}
	signed := map[int64]bool{}
	for _, f := range sg.Signed {
		signed[f.FileID], signed[f.SourceID] = true, true
	}
	for _, f := range p.Files {
		if f.Kind == "result" && f.Mime == "application/pdf" && !signed[f.ID] {
			sg.Results = append(sg.Results, f)
		}
	}
	return nil
}

// signErr turns a signing failure into what the officer reads.
func signErr(err error) error {
	switch {
	case errors.Is(err, esign.ErrNoCertificate):
		return &Error{Status: http.StatusConflict, Code: "no_certificate", Err: err,
			Message: "Chưa cấu hình chứng thư số cho đơn vị giải quyết hồ sơ này, nên chưa ký số được. Quản trị hệ thống cần đặt --sign-cert hoặc --sign-cert-dir (xem hướng dẫn ký số)."}
	case errors.Is(err, esign.ErrExpired):
		return &Error{Status: http.StatusConflict, Code: "certificate_expired", Err: err,
			Message: "Chứng thư số của đơn vị đã hết hạn (hoặc chưa đến ngày hiệu lực), nên không ký số được. Hãy gia hạn chứng thư số với tổ chức cung cấp dịch vụ chứng thực."}
	case errors.Is(err, esign.ErrNotPDF):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "not_pdf", Err: err,
			Message: "Không ký số được tệp này: " + err.Error() + ". Hãy xuất lại kết quả thành tệp PDF (không đặt mật khẩu) rồi tải lên."}
	}
	return err
}

// issueSigned signs pdf for dossier d with its unit's certificate, writes
// the signed file durably, and records it. The stamp's QR code carries the
// site's canonical address, so a paper printed from the file leads back.
func (s *Server) issueSigned(r *http.Request, d dossier.Dossier, rec store.SignedFile, pdf []byte, reason string) (store.SignedFile, error) {
	ctx := r.Context()
	siteID := s.siteIDOf(r)
	unit, err := s.st.Unit(ctx, siteID, d.UnitID)
	if err != nil {
		return rec, err
	}
	signer, err := s.signing.For(unit.Code)
	if err != nil {
		return rec, err
	}
	now := time.Now()
	rec.SiteID, rec.DossierID, rec.SignedAt = siteID, d.ID, now
	rec.Code = esign.NewCode()
	rec.Signer, rec.UnitName = signer.Subject(), unit.Name
	stamp, err := esign.Stamp(esign.StampInfo{Font: forms.SerifFont(), QR: s.baseURLOf(r) + "/xac-thuc?ma=" + rec.Code,
		Lines: []string{
			"Ký số bởi: " + rec.Signer,
			"Đơn vị: " + unit.Name,
			"Thời gian: " + now.In(dossier.Loc).Format("15:04:05 02/01/2006"),
			"Mã xác thực: " + rec.Code,
			"Kiểm tra tại: " + hostOf(s.baseURLOf(r)) + "/xac-thuc",
		}})
	if err != nil {
		return rec, err
	}
	out, err := esign.Sign(pdf, esign.Request{Signer: signer, Time: now, Reason: reason, Location: unit.Name, Stamp: stamp})
	if err != nil {
		return rec, err
	}
	sum := sha256.Sum256(out)
	rec.SHA256, rec.Size = hex.EncodeToString(sum[:]), int64(len(out))
	if rec.StoredName, err = s.writeSignedFile(now, out); err != nil {
		return rec, err
	}
	if err := s.st.RecordSignedFile(ctx, &rec); err != nil {
		os.Remove(filepath.Join(s.dossierDir(), filepath.FromSlash(rec.StoredName)))
		return rec, err
	}
	s.audit(r, "dossier.sign", "dossier", d.ID, fmt.Sprintf("%s: %s, mã %s", d.Code, rec.Name, rec.Code))
	return rec, nil
}

func hostOf(base string) string {
	for _, p := range []string{"https://", "http://"} {
		if len(base) > len(p) && base[:len(p)] == p {
			return base[len(p):]
		}
	}
	return base
}

// writeSignedFile stores the bytes under <data>/dossiers like any dossier
// file, synced to disk before the record that points at it is written.
func (s *Server) writeSignedFile(now time.Time, b []byte) (string, error) {
	dir := s.dossierDir()
	sub := now.UTC().Format("2006/01")
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(sub)), 0o750); err != nil {
		return "", err
	}
	var rnd [16]byte
	rand.Read(rnd[:])
	stored := sub + "/" + hex.EncodeToString(rnd[:])
	path := filepath.Join(dir, filepath.FromSlash(stored))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return "", err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDirectory(filepath.Dir(path))
	}
	if err != nil {
		os.Remove(path)
		return "", err
	}
	return stored, nil
}

// signResultFile signs one result file of the dossier.
func (s *Server) signResultFile(r *http.Request, d dossier.Dossier, f store.DossierFile, userID int64) (store.SignedFile, error) {
	fh, err := openDossierFile(s.dossierDir(), f.StoredName)
	if err != nil {
		return store.SignedFile{}, err
	}
	defer fh.Close()
	pdf, err := readAllLimited(fh, maxDossierFile)
	if err != nil {
		return store.SignedFile{}, err
	}
	return s.issueSigned(r, d, store.SignedFile{Kind: "result", Name: signedName(f.Name), SourceID: f.ID, SignedBy: userID}, pdf,
		"Kết quả giải quyết hồ sơ "+d.Code)
}

func readAllLimited(f *os.File, limit int64) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%w: tệp lớn hơn %d MB", esign.ErrNotPDF, limit>>20)
	}
	b := make([]byte, st.Size())
	_, err = f.ReadAt(b, 0)
	return b, err
}

// signedName is the signed copy's file name: "ket-qua.pdf" → "ket-qua-ky-so.pdf".
func signedName(name string) string {
	ext := filepath.Ext(name)
	base := name[:len(name)-len(ext)]
	if base == "" {
		base = "ket-qua"
	}
	return base + "-ky-so.pdf"
}

// autoSign signs the result of a dossier just finished, when a
// certificate is configured and the result is a PDF. A failure leaves the
// move done; the officer sees why and can sign again from the page.
func (o *officerDesk) autoSign(r *http.Request, d dossier.Dossier, userID int64) (tried bool, err error) {
	if !o.s.signing.Configured() || d.Status != dossier.Finished {
		return false, nil
	}
	files, err := o.s.st.DossierFiles(r.Context(), d.ID)
	if err != nil {
		return true, err
	}
	for i := len(files) - 1; i >= 0; i-- {
		if f := files[i]; f.Kind == "result" && f.StoredName == d.ResultFile {
			if f.Mime != "application/pdf" {
				return false, nil
			}
			_, err := o.s.signResultFile(r, d, f, userID)
			return true, err
		}
	}
	return false, nil
}

// sign is the "Ký số" action: a result file (tep=<id>) or a form
// snapshot (mau=<01–05>&ban=<id>) of a dossier the officer may see.
func (o *officerDesk) sign(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if !o.s.signing.Configured() {
		return signErr(esign.ErrNoCertificate)
	}
	if id, err := strconv.ParseInt(r.PostFormValue("tep"), 10, 64); err == nil && id > 0 {
		f, err := o.s.st.DossierFile(ctx, d.ID, id)
		if err != nil {
			return err
		}
		if f.Kind != "result" {
			return &Error{Status: http.StatusUnprocessableEntity, Code: "not_result", Message: "Chỉ ký số tệp kết quả giải quyết của hồ sơ."}
		}
		if done, err := o.alreadySigned(ctx, d.ID, f.ID); err != nil || done {
			if err == nil {
				err = &Error{Status: http.StatusConflict, Code: "already_signed", Message: "Tệp kết quả này đã được ký số; bản ký số có trong danh sách tệp của hồ sơ."}
			}
			return err
		}
		if _, err := o.s.signResultFile(r, d, f, sc.user.ID); err != nil {
			return signErr(err)
		}
		http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=ky-so", d.ID), http.StatusSeeOther)
		return nil
	}
	kind, ok := forms.ParseKind(r.PostFormValue("mau"))
	if !ok {
		return &Error{Status: http.StatusUnprocessableEntity, Code: "bad_request", Message: "Chưa chọn tệp kết quả hoặc biểu mẫu cần ký số."}
	}
	ban, _ := strconv.ParseInt(r.PostFormValue("ban"), 10, 64)
	id, data, err := o.s.st.DossierFormData(ctx, d.ID, kind, ban)
	if errors.Is(err, store.ErrNotFound) {
		return &Error{Status: http.StatusNotFound, Code: "not_found", Err: err,
			Message: "Hồ sơ " + d.Code + " chưa có " + lowerFirst(kind.Title()) + " (mẫu " + kind.Number() + ")."}
	}
	if err != nil {
		return err
	}
	pdf, err := issuedForms.pdf(o.s, o.s.baseURLOf(r), id, data)
	if err != nil {
		return err
	}
	if _, err := o.s.issueSigned(r, d, store.SignedFile{Kind: "form", Form: int(kind), FormID: id, Name: signedName(data.FileName()), SignedBy: sc.user.ID},
		pdf, kind.Title()+" (mẫu "+kind.Number()+") của hồ sơ "+d.Code); err != nil {
		return signErr(err)
	}
	http.Redirect(w, r, fmt.Sprintf("/quan-tri/ho-so/%d?tb=ky-so", d.ID), http.StatusSeeOther)
	return nil
}

func (o *officerDesk) alreadySigned(ctx context.Context, dossierID, fileID int64) (bool, error) {
	all, err := o.s.st.SignedFiles(ctx, dossierID)
	if err != nil {
		return false, err
	}
	for _, f := range all {
		if f.FileID == fileID || f.SourceID == fileID {
			return true, nil
		}
	}
	return false, nil
}

// signedDownload sends a signed form to staff who may see the dossier.
func (o *officerDesk) signedDownload(w http.ResponseWriter, r *http.Request) error {
	sc, err := o.scope(r)
	if err != nil {
		return err
	}
	d, err := o.loadDossier(r, sc)
	if err != nil {
		return err
	}
	code := esign.NormalizeCode(r.PathValue("code"))
	f, err := o.s.st.SignedFileByCode(r.Context(), o.s.siteIDOf(r), code)
	if err != nil || f.DossierID != d.ID || f.StoredName == "" {
		return errNotFound()
	}
	o.s.audit(r, "dossier.file_download", "dossier", d.ID, d.Code+": "+f.Name)
	return o.s.serveSigned(w, r, f)
}

func (s *Server) serveSigned(w http.ResponseWriter, r *http.Request, f store.SignedFile) error {
	fh, err := openDossierFile(s.dossierDir(), f.StoredName)
	if err != nil {
		return errNotFound()
	}
	defer fh.Close()
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	http.ServeContent(w, r, "", f.SignedAt, fh)
	return nil
}
