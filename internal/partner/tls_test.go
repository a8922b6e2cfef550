package partner_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The national portal that asks for the province's client certificate
// (mutual TLS) and has a certificate of its own from a private CA: Cổng
// connects with --sync-client-cert and --sync-ca-file; without the
// certificate the handshake fails and the event waits.
func TestSyncClientCertificate(t *testing.T) {
	dir := t.TempDir()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "UBND tinh thu"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalPKCS8PrivateKey(key)
	certFile := filepath.Join(dir, "client.pem")
	// Certificate and key in one file, as PKCS#12 converted with openssl.
	os.WriteFile(certFile, append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})...), 0o600)
	clientCert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(clientCert)

	testdb.Each(t, func(t *testing.T, s *store.Store) {
		s.SetPartners(store.Partners{Sync: true})
		k := newDesk(t, s)
		rc := newReceiver(t)
		srv := httptest.NewUnstartedServer(rc)
		srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
		srv.StartTLS()
		defer srv.Close()
		caFile := filepath.Join(dir, "ca.pem")
		os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600)

		k.counter(t, "Trịnh Văn Hải", "", false, t0)
		clk := &fakeClock{t: t0.Add(time.Hour)}
		without, err := partner.NewHTTPSync(partner.HTTPConfig{URL: srv.URL, CAFile: caFile, Timeout: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		w := &partner.Worker{Channel: partner.Sync, Queue: s, Target: without, Now: clk.Now}
		if res, err := w.RunOnce(ctx); err != nil || res.Retried != 1 {
			t.Fatalf("without a certificate: %+v %v", res, err)
		}
		with, err := partner.NewHTTPSync(partner.HTTPConfig{URL: srv.URL, CAFile: caFile, ClientCert: certFile, Timeout: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		w.Target = with
		clk.Add(time.Hour)
		if res, err := w.RunOnce(ctx); err != nil || res.Delivered != 1 {
			t.Fatalf("with the certificate: %+v %v", res, err)
		}
		if _, acc := rc.snapshot(); len(acc) != 1 || acc[0].DossierCode == "" {
			t.Fatalf("receiver: %+v", acc)
		}
	})
	// A wrong file is a start-up error, not a failed delivery.
	if _, err := partner.NewHTTPSync(partner.HTTPConfig{URL: "https://dvc.example.vn", ClientCert: filepath.Join(dir, "none.pem")}); err == nil ||
		!strings.Contains(err.Error(), "chứng thư") {
		t.Fatalf("missing certificate: %v", err)
	}
	if _, err := partner.NewHTTPSync(partner.HTTPConfig{URL: "ftp://dvc.example.vn"}); err == nil {
		t.Fatal("ftp accepted")
	}
}
