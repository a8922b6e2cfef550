package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/congportal/cong/internal/esign"
	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
)

// The public check of signed electronic results: /xac-thuc?ma=<code>, the
// address in every stamp's QR code. It says what was issued under the
// code — kind, unit, time, signer, the file's SHA-256 — and whether a
// presented file is byte for byte the one issued. Nothing personal is
// shown (Decree 13/2023): not the applicant, not the dossier code, not the
// file's name, which an officer may have typed a name into. The holder of
// the paper knows all of that already; a stranger with the code learns
// only that a unit issued a paper of this kind on that day.

// maxVerifyBody: one file as large as a dossier file, and the code.
const maxVerifyBody = maxDossierFile + 64<<10

type verifyPage struct {
	page
	Code    string // as normalised, or as typed when not a code
	Found   bool
	F       store.SignedFile
	Kind    string
	Checked bool // a file was presented
	Match   bool
	GotHash string
	Alert   string
	MaxMB   int
}

func (c *citizenDesk) verifyPage(r *http.Request) *verifyPage {
	p := &verifyPage{page: *c.s.basePage(r.Context()), MaxMB: maxDossierFile >> 20}
	p.NoIndex = true
	return p
}

func (c *citizenDesk) renderVerify(w http.ResponseWriter, r *http.Request, status int, p *verifyPage) error {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	return c.s.renderPublic(w, r, status, "verify", p)
}

// lookupCode fills p from the typed code: 404 when no file was issued
// under it, 422 when it cannot be a code.
func (c *citizenDesk) lookupCode(r *http.Request, p *verifyPage, typed string) (int, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return http.StatusOK, nil
	}
	code := esign.NormalizeCode(typed)
	if code == "" {
		p.Code = typed
		if len(p.Code) > 40 {
			p.Code = p.Code[:40]
		}
		p.Alert = "Mã xác thực gồm 16 chữ và số, ví dụ ABCD-EFGH-JKMN-PQRS (in dưới mã QR trên giấy tờ). Vui lòng kiểm tra lại."
		return http.StatusUnprocessableEntity, nil
	}
	p.Code = code
	f, err := c.s.st.SignedFileByCode(r.Context(), c.s.siteIDOf(r), code)
	if errors.Is(err, store.ErrNotFound) {
		p.Alert = "Không có giấy tờ điện tử nào được cổng này phát hành với mã " + code + ". Giấy tờ mang mã này không phải do cơ quan phát hành qua cổng, hoặc mã bị in sai."
		return http.StatusNotFound, nil
	}
	if err != nil {
		return 0, err
	}
	p.Found, p.F = true, f
	p.Kind = "Kết quả giải quyết thủ tục hành chính"
	if f.Kind == "form" {
		p.Kind = forms.Kind(f.Form).Title() + " (mẫu " + forms.Kind(f.Form).Number() + ")"
	}
	return http.StatusOK, nil
}

// verify shows what was issued under ?ma=.
func (c *citizenDesk) verify(w http.ResponseWriter, r *http.Request) error {
	p := c.verifyPage(r)
	status, err := c.lookupCode(r, p, r.URL.Query().Get("ma"))
	if err != nil {
		return err
	}
	return c.renderVerify(w, r, status, p)
}

// verifyFile compares a presented file with the one issued, by SHA-256.
// The file is read as a stream and hashed as it comes: nothing is stored.
func (c *citizenDesk) verifyFile(w http.ResponseWriter, r *http.Request) error {
	p := c.verifyPage(r)
	mr, err := r.MultipartReader()
	if err != nil {
		p.Alert = "Vui lòng nhập mã xác thực và chọn tệp cần kiểm tra."
		return c.renderVerify(w, r, http.StatusBadRequest, p)
	}
	var typed string
	var sum []byte
	var size int64
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return c.verifyReadError(w, r, p, err)
		}
		switch part.FormName() {
		case "ma":
			b, err := io.ReadAll(io.LimitReader(part, 200))
			if err != nil {
				return c.verifyReadError(w, r, p, err)
			}
			typed = string(b)
		case "tep":
			if part.FileName() == "" {
				continue
			}
			h := sha256.New()
			n, err := io.Copy(h, io.LimitReader(part, maxDossierFile+1))
			if err != nil {
				return c.verifyReadError(w, r, p, err)
			}
			if n > maxDossierFile {
				return c.s.verifyTooLarge(w, r)
			}
			if n > 0 {
				sum, size = h.Sum(nil), n
			}
		}
		part.Close()
	}
	status, err := c.lookupCode(r, p, typed)
	if err != nil {
		return err
	}
	if typed == "" {
		p.Alert = "Vui lòng nhập mã xác thực in trên giấy tờ (dưới mã QR)."
		return c.renderVerify(w, r, http.StatusUnprocessableEntity, p)
	}
	if !p.Found {
		return c.renderVerify(w, r, status, p)
	}
	if sum == nil {
		p.Alert = "Vui lòng chọn tệp PDF cần kiểm tra (tệp không được rỗng)."
		return c.renderVerify(w, r, http.StatusUnprocessableEntity, p)
	}
	want, _ := hex.DecodeString(p.F.SHA256)
	p.Checked, p.GotHash = true, hex.EncodeToString(sum)
	p.Match = size == p.F.Size && subtle.ConstantTimeCompare(sum, want) == 1
	return c.renderVerify(w, r, http.StatusOK, p)
}

func (c *citizenDesk) verifyReadError(w http.ResponseWriter, r *http.Request, p *verifyPage, err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return c.s.verifyTooLarge(w, r)
	}
	p.Alert = "Không đọc được tệp gửi lên. Vui lòng chọn lại tệp và thử lại."
	return c.renderVerify(w, r, http.StatusBadRequest, p)
}

// verifyTooLarge answers a file larger than any issued one: it cannot be
// the same file.
func (s *Server) verifyTooLarge(w http.ResponseWriter, r *http.Request) error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("Tệp quá lớn (tối đa %d MB): không thể là tệp đã phát hành. Hãy chọn đúng tệp PDF nhận từ cơ quan.", maxDossierFile>>20)}
}

// apiSigned is what the check page shows, for systems that check papers
// (the national portal, a bank): GET /api/v1/signed/{code}.
type apiSigned struct {
	Code     string `json:"code"`
	Kind     string `json:"kind"` // result | form
	Form     string `json:"form,omitempty"`
	Title    string `json:"title"`
	Unit     string `json:"unit"`
	Signer   string `json:"signer"`
	SignedAt string `json:"signed_at"`
	SHA256   string `json:"sha256"`
	Size     int64  `json:"size"`
}

func (c *citizenDesk) apiSigned(w http.ResponseWriter, r *http.Request) error {
	p := c.verifyPage(r)
	status, err := c.lookupCode(r, p, r.PathValue("code"))
	if err != nil {
		return err
	}
	switch status {
	case http.StatusUnprocessableEntity:
		return &Error{Status: http.StatusBadRequest, Code: "bad_code", Message: p.Alert}
	case http.StatusNotFound:
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: p.Alert}
	}
	out := apiSigned{Code: p.F.Code, Kind: p.F.Kind, Title: p.Kind, Unit: p.F.UnitName, Signer: p.F.Signer,
		SignedAt: p.F.SignedAt.In(c.s.loc).Format(time.RFC3339), SHA256: p.F.SHA256, Size: p.F.Size}
	if p.F.Kind == "form" {
		out.Form = forms.Kind(p.F.Form).Number()
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, out)
	return nil
}
