package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/esign"
)

// checkPDF is a blank one-page PDF to sign as a trial: it proves the key
// opens and matches the certificate without touching any dossier.
func checkPDF() []byte {
	objs := []string{"<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>", "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// cmdCert: `cong cert check` opens the certificate a unit (or the whole
// install) signs with, prints what a stamp and the check page will show
// and its validity, and signs a trial page — before a dossier needs it.
func cmdCert(args []string, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "check" {
		return usageErr(errors.New("dùng: cong cert check [--sign-cert TỆP --sign-password-file TỆP] [--sign-cert-dir THƯ-MỤC] [--unit MÃ-ĐƠN-VỊ]"))
	}
	var c config.Config
	fs := flag.NewFlagSet("cert check", flag.ContinueOnError)
	config.SignFlags(fs, &c)
	unit := fs.String("unit", "", "mã đơn vị (tìm <mã>.p12 trong --sign-cert-dir); để trống: chứng thư chung")
	if err := config.Parse(fs, args[1:], getenv); err != nil {
		return usageErr(err)
	}
	k := &esign.Keyring{File: c.SignCert, PasswordFile: c.SignPasswordFile, Dir: c.SignCertDir}
	if !k.Configured() {
		return usageErr(errors.New("chưa có chứng thư: đặt --sign-cert hoặc --sign-cert-dir"))
	}
	s, err := k.For(*unit)
	if err != nil {
		return err
	}
	now := time.Now()
	fmt.Fprintf(stdout, "Người ký: %s\nChủ thể: %s\nNơi cấp: %s\nSố sê-ri: %X\nHiệu lực: %s – %s\nChuỗi chứng thư: %d chứng thư CA\n",
		s.Subject(), s.Cert.Subject, s.Cert.Issuer, s.Cert.SerialNumber, s.Cert.NotBefore.Format(time.DateOnly), s.Cert.NotAfter.Format(time.DateOnly), len(s.Chain))
	if _, err := esign.Sign(checkPDF(), esign.Request{Signer: s, Time: now}); err != nil {
		return fmt.Errorf("ký thử không được: %w", err)
	}
	if left := s.Cert.NotAfter.Sub(now); left < 30*24*time.Hour {
		fmt.Fprintf(stdout, "Cảnh báo: chứng thư hết hạn sau %d ngày; hãy gia hạn.\n", int(left.Hours()/24))
	}
	fmt.Fprintln(stdout, "Ký thử thành công.")
	return nil
}
