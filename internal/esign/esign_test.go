package esign

import (
	"bytes"
	"compress/zlib"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// testSigner makes a CA and a unit certificate issued by it.
func testSigner(t testing.TB, ec bool) *Signer {
	t.Helper()
	caKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "CA thử nghiệm", Organization: []string{"Cổng"}},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	leaf := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "UBND xã Thử Nghiệm", Organization: []string{"Tỉnh Thử"}},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment}
	s := &Signer{Chain: []*x509.Certificate{caCert}}
	var der []byte
	if ec {
		k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		der, err = x509.CreateCertificate(rand.Reader, leaf, caCert, &k.PublicKey, caKey)
		s.Key = k
	} else {
		k, _ := rsa.GenerateKey(rand.Reader, 2048)
		der, err = x509.CreateCertificate(rand.Reader, leaf, caCert, &k.PublicKey, caKey)
		s.Key = k
	}
	if err != nil {
		t.Fatal(err)
	}
	s.Cert, _ = x509.ParseCertificate(der)
	return s
}

// TestSigner is for other packages' tests: a throwaway CA and unit
// certificate written as one PEM file in dir.
func writePEM(t testing.TB, s *Signer, path string) {
	var buf bytes.Buffer
	pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: s.Cert.Raw})
	for _, c := range s.Chain {
		pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	der, err := x509.MarshalPKCS8PrivateKey(s.Key)
	if err != nil {
		t.Fatal(err)
	}
	pem.Encode(&buf, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func fpdfDoc(t testing.TB, pages int) []byte {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetFont("Helvetica", "", 14)
	for i := 0; i < pages; i++ {
		p.AddPage()
		p.Cell(40, 10, fmt.Sprintf("Ket qua trang %d", i+1))
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// xrefStreamDoc writes a PDF 1.5 file whose catalog and pages sit in a
// compressed object stream and whose cross-reference is a stream with a
// PNG predictor, as Word, LibreOffice and Ghostscript write.
func xrefStreamDoc(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	content := "BT /F1 18 Tf 72 720 Td (Quyet dinh) Tj ET"
	off4 := b.Len()
	fmt.Fprintf(&b, "4 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(content), content)
	objs := []string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 612 792]>>",
		"<</Type/Page/Parent 2 0 R/Contents 4 0 R/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>",
	}
	var head, body strings.Builder
	for i, o := range objs {
		fmt.Fprintf(&head, "%d %d ", i+1, body.Len())
		body.WriteString(o + "\n")
	}
	stm := head.String() + body.String()
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(stm))
	zw.Close()
	off5 := b.Len()
	fmt.Fprintf(&b, "5 0 obj\n<</Type/ObjStm/N 3/First %d/Filter/FlateDecode/Length %d>>\nstream\n", head.Len(), z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	off6 := b.Len()
	rows := [][3]int{{0, 0, 65535}, {2, 5, 0}, {2, 5, 1}, {2, 5, 2}, {1, off4, 0}, {1, off5, 0}, {1, off6, 0}}
	var raw []byte
	prev := make([]byte, 5)
	for _, r := range rows {
		cur := []byte{byte(r[0]), byte(r[1] >> 16), byte(r[1] >> 8), byte(r[1]), byte(r[2])}
		if r[0] == 2 {
			cur = []byte{2, 0, 0, byte(r[1]), byte(r[2])}
		}
		raw = append(raw, 2) // PNG Up
		for i := range cur {
			raw = append(raw, cur[i]-prev[i])
		}
		prev = cur
	}
	z.Reset()
	zw = zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	fmt.Fprintf(&b, "6 0 obj\n<</Type/XRef/Size 7/W[1 3 1]/Root 1 0 R/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 5>>/Length %d>>\nstream\n", z.Len())
	b.Write(z.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off6)
	return b.Bytes()
}

func testFont(t testing.TB) []byte {
	b, err := os.ReadFile("../forms/fonts/DejaVuSerif.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfsig runs poppler's verifier; CI installs poppler-utils.
func pdfsig(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig (poppler-utils) is not installed: the independent check of the signatures cannot run")
	}
	out, _ := exec.Command(bin, path).CombinedOutput()
	return string(out)
}

func TestSignVerifiesWithPdfsig(t *testing.T) {
	dir := t.TempDir()
	font := testFont(t)
	for _, tc := range []struct {
		name string
		pdf  []byte
		ec   bool
	}{
		{"fpdf-one-page", fpdfDoc(t, 1), false},
		{"fpdf-three-pages-ecdsa", fpdfDoc(t, 3), true},
		{"xref-stream", xrefStreamDoc(t), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := testSigner(t, tc.ec)
			img, err := Stamp(StampInfo{Font: font, QR: "https://dichvucong.example.vn/xac-thuc?ma=ABCD-EFGH-JKMN-PQRS",
				Lines: []string{"Ký bởi: UBND xã Thử Nghiệm", "Đơn vị: Bộ phận một cửa", "Thời gian: 07/12/2026 22:15", "Mã xác thực: ABCD-EFGH-JKMN-PQRS"}})
			if err != nil {
				t.Fatal(err)
			}
			out, err := Sign(tc.pdf, Request{Signer: s, Reason: "Kết quả giải quyết hồ sơ", Location: "Xã Thử Nghiệm", Stamp: img})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(out, tc.pdf) {
				t.Fatal("the signed file does not start with the original bytes")
			}
			p := filepath.Join(dir, tc.name+".pdf")
			os.WriteFile(p, out, 0o644)
			got := pdfsig(t, p)
			for _, want := range []string{"Signature Validation: Signature is Valid.", "Total document signed", "ETSI.CAdES.detached", "UBND xã Thử Nghiệm"} {
				if !strings.Contains(got, want) {
					t.Errorf("pdfsig does not say %q:\n%s", want, got)
				}
			}
			// Twice signed: the second update chains on the first and both verify.
			again, err := Sign(out, Request{Signer: s, Stamp: img})
			if err != nil {
				t.Fatal(err)
			}
			p2 := filepath.Join(dir, tc.name+"-2.pdf")
			os.WriteFile(p2, again, 0o644)
			got = pdfsig(t, p2)
			if strings.Count(got, "Signature is Valid.") != 2 {
				t.Errorf("pdfsig on a twice-signed file:\n%s", got)
			}

			// One byte changed inside the signed range: pdfsig must fail it.
			bad := append([]byte(nil), out...)
			i := bytes.Index(bad, []byte("Ket qua"))
			if i < 0 {
				i = bytes.Index(bad, []byte("%PDF-1.")) + 7
			}
			bad[i] ^= 0x01
			pb := filepath.Join(dir, tc.name+"-bad.pdf")
			os.WriteFile(pb, bad, 0o644)
			got = pdfsig(t, pb)
			if strings.Contains(got, "Signature is Valid.") || !strings.Contains(got, "Signature Validation:") {
				t.Errorf("pdfsig accepts a tampered file:\n%s", got)
			}
		})
	}
}

func TestLoadPKCS12AndPEM(t *testing.T) {
	// testdata/unit.p12 was made with:
	//   openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 36500 \
	//     -subj "/CN=UBND xã Thử Nghiệm/O=Cổng test" -utf8
	//   openssl pkcs12 -export -in c.pem -inkey k.pem -out unit.p12 -passout pass:thu-nghiem \
	//     -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1
	s, err := LoadFile("testdata/unit.p12", "thu-nghiem")
	if err != nil {
		t.Fatal(err)
	}
	if s.Subject() != "UBND xã Thử Nghiệm" {
		t.Errorf("subject %q", s.Subject())
	}
	if _, err := LoadFile("testdata/unit.p12", "sai"); err == nil {
		t.Error("a wrong password opened the PKCS#12 file")
	}
	out, err := Sign(fpdfDoc(t, 1), Request{Signer: s})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "p12.pdf")
	os.WriteFile(p, out, 0o644)
	if got := pdfsig(t, p); !strings.Contains(got, "Signature is Valid.") {
		t.Errorf("pdfsig:\n%s", got)
	}

	dir := t.TempDir()
	ps := testSigner(t, true)
	writePEM(t, ps, filepath.Join(dir, "H01.pem"))
	os.WriteFile(filepath.Join(dir, "all.password"), []byte("thu-nghiem\n"), 0o600)
	k := &Keyring{File: "testdata/unit.p12", PasswordFile: filepath.Join(dir, "all.password"), Dir: dir}
	if err := k.Check(); err != nil {
		t.Fatal(err)
	}
	u, err := k.For("H01")
	if err != nil || !u.Cert.Equal(ps.Cert) || len(u.Chain) != 1 {
		t.Fatalf("the unit's own certificate was not chosen: %v", err)
	}
	o, err := k.For("H02")
	if err != nil || !o.Cert.Equal(s.Cert) {
		t.Fatalf("a unit without its own certificate did not get the install's: %v", err)
	}
	if _, err := k.For("../H01"); err != nil {
		t.Fatal(err) // falls back to the install's file, never a path outside Dir
	}
}

func TestExpiredCertificateRefused(t *testing.T) {
	s := testSigner(t, false)
	_, err := Sign(fpdfDoc(t, 1), Request{Signer: s, Time: s.Cert.NotAfter.Add(time.Minute)})
	if err != ErrExpired {
		t.Fatalf("got %v", err)
	}
}

func TestNotPDF(t *testing.T) {
	s := testSigner(t, false)
	for _, in := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), append(fpdfDoc(t, 1)[:200], "startxref\n99999999\n%%EOF"...)} {
		if _, err := Sign(in, Request{Signer: s}); err == nil {
			t.Errorf("signed %q", in)
		}
	}
}

func TestCodes(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		c := NewCode()
		if len(c) != 19 || NormalizeCode(c) != c || seen[c] {
			t.Fatalf("code %q", c)
		}
		seen[c] = true
		if NormalizeCode(strings.ToLower(strings.ReplaceAll(c, "-", " "))) != c {
			t.Fatalf("normalize %q", c)
		}
	}
	for _, bad := range []string{"", "ABCD", "ABCD-EFGH-JKMN-PQR0", "ABCD-EFGH-JKMN-PQRSX", "<script>"} {
		if NormalizeCode(bad) != "" {
			t.Errorf("accepted %q", bad)
		}
	}
}

// FuzzSign builds the signed update of whatever parses: an uploaded
// result is outside input, and whatever it holds, building either fails
// cleanly or yields a file that parses again, keeps the original bytes,
// and whose /ByteRange covers all but /Contents. The key operations are
// left out: under coverage instrumentation they would make each run slow,
// and TestSignVerifiesWithPdfsig covers them.
func FuzzSign(f *testing.F) {
	f.Add(fpdfDoc(f, 1))
	f.Add(xrefStreamDoc(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, cs, ce, err := build(b, Request{Time: time.Unix(1e9, 0)}, "Người ký", 64)
		if err != nil {
			return
		}
		if !bytes.HasPrefix(out, b) || cs < len(b) || ce != cs+2+128 || out[cs] != '<' || out[ce-1] != '>' {
			t.Fatalf("bad layout: %d %d of %d", cs, ce, len(out))
		}
		if _, err := parse(out); err != nil {
			t.Fatalf("signed output does not parse: %v", err)
		}
	})
}

func FuzzNormalizeCode(f *testing.F) {
	f.Add("abcd efgh jkmn pqrs")
	f.Add("ABCD-EFGH-JKMN-PQRS")
	f.Fuzz(func(t *testing.T, s string) {
		c := NormalizeCode(s)
		if c != "" && (len(c) != 19 || NormalizeCode(c) != c) {
			t.Fatalf("%q → %q", s, c)
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add(fpdfDoc(f, 1))
	f.Add(xrefStreamDoc(f))
	f.Add([]byte("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Root 1 0 R/Size 1>>\nstartxref\n9\n%%EOF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parse(b)
		if err != nil {
			return
		}
		if ps, err := d.pages(); err == nil {
			for _, p := range ps {
				if v, err := d.resolve(p); err == nil {
					if pd, ok := v.(pdfDict); ok {
						d.mediaBox(pd)
					}
				}
			}
		}
	})
}

// BenchmarkSignResult is one issued result: draw the stamp, sign a
// one-page PDF with an ECDSA P-256 key.
func BenchmarkSignResult(b *testing.B) {
	s := testSigner(b, true)
	font := testFont(b)
	pdf := fpdfDoc(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		img, err := Stamp(StampInfo{Font: font, QR: "https://dichvucong.example.vn/xac-thuc?ma=ABCD-EFGH-JKMN-PQRS",
			Lines: []string{"Ký số bởi: UBND xã Thử Nghiệm", "Đơn vị: UBND xã Thử Nghiệm", "Thời gian: 22:15:03 07/12/2026", "Mã xác thực: ABCD-EFGH-JKMN-PQRS"}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Sign(pdf, Request{Signer: s, Stamp: img}); err != nil {
			b.Fatal(err)
		}
	}
}
