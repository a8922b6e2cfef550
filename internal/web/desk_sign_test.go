package web_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/esign"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
	"github.com/congportal/cong/internal/visit"
	"github.com/congportal/cong/internal/web"
)

// writeTestCertificate makes a throwaway CA and a unit certificate issued
// by it, written as one PEM file (leaf, CA, key).
func writeTestCertificate(t *testing.T, path string) {
	t.Helper()
	now := time.Now()
	caKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "CA thử nghiệm"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "UBND xã Thử Nghiệm (ký số)"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalPKCS8PrivateKey(key)
	var buf bytes.Buffer
	pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: der})
	pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	pem.Encode(&buf, &pem.Block{Type: "PRIVATE KEY", Bytes: kder})
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// withSigning rebuilds the desk's server with a unit certificate.
func (oe *officerEnv) withSigning(t *testing.T) {
	t.Helper()
	cert := filepath.Join(t.TempDir(), "don-vi.pem")
	writeTestCertificate(t, cert)
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	proxies, _ := visit.ParseProxies("")
	srv, err := web.New(web.Options{Store: oe.st, Counter: oe.counter, SiteID: oe.site.ID, BaseURL: "https://cong.example.vn",
		Proxies: proxies, Location: hcm, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test",
		MediaDir: filepath.Join(oe.dataDir, "media"), Signing: &esign.Keyring{File: cert}})
	if err != nil {
		t.Fatal(err)
	}
	oe.srv = srv
	oe.http = httptest.NewServer(srv)
	t.Cleanup(oe.http.Close)
}

func resultPDF(t *testing.T) []byte {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetFont("Helvetica", "", 14)
	p.AddPage()
	p.Cell(60, 10, "Giay chung nhan - ket qua")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func runPdfsig(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		return "", false
	}
	p := filepath.Join(t.TempDir(), "f.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, _ := exec.Command(bin, p).CombinedOutput()
	return string(out), true
}

// The whole path of a signed result: the specialist finishes with a PDF,
// it is signed at once with the unit's certificate, pdfsig verifies it,
// the citizen downloads the signed copy from the private link, the
// public check page names the unit and signer (nobody's personal data)
// and tells the issued file from a tampered one; Decision 766's
// "issued electronically" follows.
func TestSignedResult(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		oe.withSigning(t)
		token := oe.submit(t, oe.validForm())
		d := oe.byToken(t, token)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		ba := oe.as(t, "motcuaa")
		ba.get(path)
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		d = oe.reload(t, d.ID)
		wantCode(t, "process", ba.post(path+"/chuyen", moveForm(d, dossier.ActProcess, "assignee", fmt.Sprint(oe.ids["chuyenviena"]))), 303)
		d = oe.reload(t, d.ID)
		sp := oe.as(t, "chuyenviena")
		sp.get(path)
		original := resultPDF(t)
		r := sp.postMultipart(path+"/chuyen", map[string]string{"action": "finish", "version": fmt.Sprint(d.Version)}, []upFile{{"files", "ket-qua.pdf", "application/pdf", original}})
		wantCode(t, "finish", r, 303)
		if loc := r.hdr.Get("Location"); !strings.HasSuffix(loc, "?tb=ky-so") {
			t.Fatalf("finish redirected to %q, not the signed flash", loc)
		}
		signed, err := s.SignedFiles(ctx, d.ID)
		if err != nil || len(signed) != 1 || signed[0].Kind != "result" || signed[0].FileID == 0 {
			t.Fatalf("signed files %+v %v", signed, err)
		}
		sf := signed[0]
		if sf.Signer != "UBND xã Thử Nghiệm (ký số)" || sf.UnitName != oe.unit.Name || esign.NormalizeCode(sf.Code) != sf.Code || strings.Contains(sf.Code, d.Code) {
			t.Fatalf("record %+v", sf)
		}
		onDisk, err := os.ReadFile(filepath.Join(oe.dataDir, "dossiers", filepath.FromSlash(sf.StoredName)))
		if err != nil || !bytes.HasPrefix(onDisk, original) || int64(len(onDisk)) != sf.Size {
			t.Fatalf("stored signed file: %v", err)
		}
		if out, ok := runPdfsig(t, onDisk); ok {
			if !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") || !strings.Contains(out, "ETSI.CAdES.detached") {
				t.Fatalf("pdfsig on the issued result:\n%s", out)
			}
		} else {
			t.Log("pdfsig (poppler-utils) is not installed: the independent check of the signature was skipped")
		}
		if dg, _ := s.DossierDigitisation(ctx, d.ID); !dg.ResultElectronic {
			t.Fatal("a signed result is not counted as issued electronically")
		}

		// The citizen's private page offers the signed copy as the result.
		my := oe.fetch(t, "/ho-so-cua-toi/"+token)
		wantCode(t, "private page", my, 200, fmt.Sprintf("/ho-so-cua-toi/%s/tep/%d", token, sf.FileID), "ket-qua-ky-so.pdf")
		m := regexp.MustCompile(`Tải kết quả: [^<]*`).FindString(my.body)
		if !strings.Contains(m, "ky-so") {
			t.Fatalf("the result offered is %q, not the signed copy", m)
		}
		dl := oe.fetch(t, fmt.Sprintf("/ho-so-cua-toi/%s/tep/%d", token, sf.FileID))
		if dl.code != 200 || dl.body != string(onDisk) {
			t.Fatalf("citizen download: %d, %d bytes", dl.code, len(dl.body))
		}

		// The officer's page lists it with its code; signing it again is refused.
		page := sp.get(path)
		wantCode(t, "desk page", page, 200, sf.Code, "Kết quả điện tử")
		files, _ := s.DossierFiles(ctx, d.ID)
		wantCode(t, "sign the signed copy", sp.post(path+"/ky-so", map[string][]string{"tep": {fmt.Sprint(sf.FileID)}}), 409)
		var first store.DossierFile
		for _, f := range files {
			if f.Kind == "result" && f.ID != sf.FileID {
				first = f
			}
		}
		wantCode(t, "sign the original twice", sp.post(path+"/ky-so", map[string][]string{"tep": {fmt.Sprint(first.ID)}}), 409)
		// Another unit's officer cannot sign this dossier's files.
		bb := oe.as(t, "motcuab")
		bb.get("/quan-tri/ho-so")
		if r := bb.post(path+"/ky-so", map[string][]string{"tep": {fmt.Sprint(first.ID)}}); r.code != 403 && r.code != 404 {
			t.Fatalf("officer of another unit signed: %d", r.code)
		}

		// The public check page: what was issued, by whom; nothing personal.
		v := oe.fetch(t, "/xac-thuc?ma="+strings.ToLower(strings.ReplaceAll(sf.Code, "-", "")))
		wantCode(t, "check page", v, 200, sf.Code, oe.unit.Name, "UBND xã Thử Nghiệm (ký số)", sf.SHA256, "Kết quả giải quyết thủ tục hành chính")
		for _, personal := range []string{"Trần Thị Bích Ngọc", "001190012345", d.Code, "0912"} {
			if strings.Contains(v.body, personal) {
				t.Errorf("the check page shows %q", personal)
			}
		}
		wantCode(t, "unknown code", oe.fetch(t, "/xac-thuc?ma=2222-3333-4444-5555"), 404, "Không có giấy tờ điện tử nào")
		api := oe.fetch(t, "/api/v1/signed/"+sf.Code)
		wantCode(t, "api", api, 200, `"kind":"result"`, `"sha256":"`+sf.SHA256+`"`, `"signer":"UBND xã Thử Nghiệm (ký số)"`)
		if strings.Contains(api.body, "Trần Thị") || strings.Contains(api.body, d.Code) {
			t.Errorf("the API shows personal data: %s", api.body)
		}
		wantCode(t, "api unknown", oe.fetch(t, "/api/v1/signed/2222-3333-4444-5555"), 404, `"not_found"`)
		wantCode(t, "api malformed", oe.fetch(t, "/api/v1/signed/xyz"), 400, `"bad_code"`)
		wantCode(t, "malformed code", oe.fetch(t, "/xac-thuc?ma=<script>"), 422, "16 chữ và số")
		wantCode(t, "empty form", oe.fetch(t, "/xac-thuc"), 200, "Mã xác thực")

		// The issued file matches; one changed byte does not, and pdfsig agrees.
		ok := oe.post(t, "/xac-thuc", map[string]string{"ma": sf.Code}, []upFile{{"tep", "ket-qua-ky-so.pdf", "application/pdf", onDisk}}, nil)
		wantCode(t, "check the issued file", ok, 200, "Tệp hợp lệ")
		tampered := append([]byte(nil), onDisk...)
		// The creation date in the document information: a small change
		// that leaves a well-formed PDF.
		i := bytes.Index(tampered, []byte("/CreationDate (D:")) + len("/CreationDate (D:")
		tampered[i] = '1' + (tampered[i]-'0'+1)%9
		bad := oe.post(t, "/xac-thuc", map[string]string{"ma": sf.Code}, []upFile{{"tep", "ket-qua-ky-so.pdf", "application/pdf", tampered}}, nil)
		wantCode(t, "check a tampered file", bad, 200, "Tệp không khớp với tệp đã phát hành")
		if strings.Contains(bad.body, "Tệp hợp lệ") {
			t.Fatal("a tampered file passed the check page")
		}
		if out, ok := runPdfsig(t, tampered); ok && strings.Contains(out, "Signature is Valid.") {
			t.Fatalf("pdfsig accepts the tampered file:\n%s", out)
		}
		wantCode(t, "check without a file", oe.post(t, "/xac-thuc", map[string]string{"ma": sf.Code}, nil, nil), 422, "chọn tệp PDF")
		wantCode(t, "check without a code", oe.post(t, "/xac-thuc", map[string]string{}, []upFile{{"tep", "a.pdf", "application/pdf", onDisk}}, nil), 422, "nhập mã xác thực")
		big := bytes.Repeat([]byte("x"), 11<<20)
		wantCode(t, "check a huge file", oe.post(t, "/xac-thuc", map[string]string{"ma": sf.Code}, []upFile{{"tep", "a.pdf", "application/pdf", big}}, nil), 413)

		// A form is signed on request, and the citizen gets the signed copy.
		fs, err := s.DossierForms(ctx, d.ID)
		if err != nil || len(fs) == 0 {
			t.Fatalf("forms %v %v", fs, err)
		}
		f1 := fs[0]
		wantCode(t, "sign form", sp.post(path+"/ky-so", map[string][]string{"mau": {f1.Kind.Number()}, "ban": {fmt.Sprint(f1.ID)}}), 303)
		signed, _ = s.SignedFiles(ctx, d.ID)
		if len(signed) != 2 || signed[1].Kind != "form" || signed[1].FormID != f1.ID {
			t.Fatalf("signed form record %+v", signed)
		}
		if f1.Kind.Citizen() {
			cf := oe.fetch(t, fmt.Sprintf("/ho-so-cua-toi/%s/mau/%s?ban=%d", token, f1.Kind.Number(), f1.ID))
			if cf.code != 200 || !strings.Contains(cf.body, "/ETSI.CAdES.detached") {
				t.Fatalf("citizen form: %d", cf.code)
			}
			if out, ok := runPdfsig(t, []byte(cf.body)); ok && !strings.Contains(out, "Signature is Valid.") {
				t.Fatalf("pdfsig on the signed form:\n%s", out)
			}
		}
		acts := auditActions(t, s, oe.site.ID)
		if strings.Count(acts, ",dossier.sign,") != 2 {
			t.Errorf("audit: %s", acts)
		}
	})
}

// Without a certificate nothing is signed: finishing works as before and
// the page says signing is not configured; a result that is not a PDF
// signing can read leaves the move done and says so.
func TestSignedResultNotConfigured(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		b := oe.counterDossierB(t)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", b.ID)
		bb := oe.as(t, "motcuab")
		wantCode(t, "page", bb.get(path), 200, "Chưa cấu hình chứng thư số")
		wantCode(t, "sign", bb.post(path+"/ky-so", map[string][]string{"mau": {"01"}}), 409, "Chưa cấu hình chứng thư số")
	})
}
