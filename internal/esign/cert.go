package esign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/crypto/pkcs12"
)

// LoadFile reads a certificate and its key: a PKCS#12 file (.p12, .pfx)
// opened with password, or PEM blocks (certificates and an unencrypted
// private key) in one file. The leaf is the certificate whose public key
// is the key's; the others are its chain.
func LoadFile(path, password string) (*Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := Load(b, password)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Load is LoadFile on bytes.
func Load(b []byte, password string) (*Signer, error) {
	var blocks []*pem.Block
	if bytes.Contains(b, []byte("-----BEGIN ")) {
		for rest := b; ; {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			blocks = append(blocks, blk)
		}
	} else {
		// x/crypto/pkcs12 reads the 3DES/RC2 encryption that token
		// software and Windows export; OpenSSL 3 must be told to write it
		// (docs: -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1).
		bl, err := pkcs12.ToPEM(b, password)
		if err != nil {
			return nil, fmt.Errorf("không mở được tệp PKCS#12 (sai mật khẩu, hoặc mã hoá AES — hãy xuất lại theo hướng dẫn): %w", err)
		}
		blocks = bl
	}
	var key crypto.Signer
	var certs []*x509.Certificate
	for _, blk := range blocks {
		switch {
		case blk.Type == "CERTIFICATE":
			c, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				return nil, err
			}
			certs = append(certs, c)
		case strings.HasSuffix(blk.Type, "PRIVATE KEY"):
			if blk.Headers["Proc-Type"] != "" {
				return nil, errors.New("khoá PEM đang được mã hoá; hãy dùng tệp PKCS#12")
			}
			k, err := parseKey(blk.Bytes)
			if err != nil {
				return nil, err
			}
			key = k
		}
	}
	if key == nil {
		return nil, errors.New("không có khoá bí mật")
	}
	s := &Signer{Key: key}
	for _, c := range certs {
		if samePublic(c.PublicKey, key.Public()) && s.Cert == nil {
			s.Cert = c
		} else {
			s.Chain = append(s.Chain, c)
		}
	}
	if s.Cert == nil {
		return nil, errors.New("không có chứng thư ứng với khoá bí mật")
	}
	return s, nil
}

func parseKey(der []byte) (crypto.Signer, error) {
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		if s, ok := k.(crypto.Signer); ok {
			switch s.(type) {
			case *rsa.PrivateKey, *ecdsa.PrivateKey:
				return s, nil
			}
		}
		return nil, errUnsupportedKeyType
	}
	if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return k, nil
	}
	if k, err := x509.ParseECPrivateKey(der); err == nil {
		return k, nil
	}
	return nil, errors.New("không đọc được khoá bí mật")
}

func samePublic(a, b crypto.PublicKey) bool {
	type eq interface{ Equal(crypto.PublicKey) bool }
	x, ok := a.(eq)
	return ok && x.Equal(b)
}

// Keyring finds the certificate a unit signs with: <Dir>/<unit code>.p12
// (or .pfx, .pem) with its password in <Dir>/<unit code>.password, else
// the install's File with the password in PasswordFile. Certificates are
// read once and kept; a replaced file is read at the next restart.
type Keyring struct {
	File, PasswordFile string
	Dir                string

	mu    sync.Mutex
	cache map[string]*Signer
}

// ErrNoCertificate: nothing is configured for this unit.
var ErrNoCertificate = errors.New("chưa cấu hình chứng thư số cho đơn vị này")

// Configured reports whether any certificate may be found.
func (k *Keyring) Configured() bool { return k != nil && (k.File != "" || k.Dir != "") }

// For returns the signer of the unit with this code.
func (k *Keyring) For(unitCode string) (*Signer, error) {
	if !k.Configured() {
		return nil, ErrNoCertificate
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if s, ok := k.cache[unitCode]; ok {
		return s, nil
	}
	file, passFile := k.File, k.PasswordFile
	if k.Dir != "" && unitCode != "" && !strings.ContainsAny(unitCode, `/\`) && unitCode != "." && unitCode != ".." {
		for _, ext := range []string{".p12", ".pfx", ".pem"} {
			p := filepath.Join(k.Dir, unitCode+ext)
			if _, err := os.Stat(p); err == nil {
				file, passFile = p, filepath.Join(k.Dir, unitCode+".password")
				break
			}
		}
	}
	if file == "" {
		return nil, ErrNoCertificate
	}
	pass := ""
	if passFile != "" {
		b, err := os.ReadFile(passFile)
		if err != nil && !(errors.Is(err, os.ErrNotExist) && file != k.File) {
			return nil, err
		}
		pass = strings.TrimRight(string(b), "\r\n")
	}
	s, err := LoadFile(file, pass)
	if err != nil {
		return nil, err
	}
	if k.cache == nil {
		k.cache = map[string]*Signer{}
	}
	k.cache[unitCode] = s
	return s, nil
}

// Check loads the install's certificate (if any) so that a wrong path or
// password stops the server at start, not at the first signature.
func (k *Keyring) Check() error {
	if k == nil || k.File == "" {
		return nil
	}
	_, err := k.For("")
	return err
}
