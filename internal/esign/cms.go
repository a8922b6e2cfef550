package esign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math/big"
	"sort"
)

// CMS SignedData (RFC 5652) as PAdES baseline B-B asks (ETSI EN 319 142-1
// with ETSI.CAdES.detached): detached content, SHA-256, and the signed
// attributes content-type, message-digest and signing-certificate-v2
// (RFC 5035), which binds the signer's certificate into what is signed.
// No signing-time attribute: PAdES puts the claimed time in the
// signature dictionary's /M instead. DER is built by hand with a
// tag-length-value helper: the structure is fixed and short, and a
// general CMS module would bring much more than this needs.

var (
	oidData               = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningCertV2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256             = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidRSAEncryption      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidECDSAWithSHA256    = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	errUnsupportedKeyType = errors.New("esign: khoá ký phải là RSA hoặc ECDSA")
)

// tlv encodes one DER element of the given tag.
func tlv(tag byte, parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := []byte{tag}
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	case n < 0x10000:
		out = append(out, 0x82, byte(n>>8), byte(n))
	default:
		out = append(out, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func seq(parts ...[]byte) []byte { return tlv(0x30, parts...) }

func mustDER(v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		panic(err) // only fixed values are marshalled here
	}
	return b
}

func oid(o asn1.ObjectIdentifier) []byte { return mustDER(o) }

func octets(b []byte) []byte { return tlv(0x04, b) }

func integer(i *big.Int) []byte { return mustDER(i) }

// derSet sorts the encoded members as DER's SET OF requires.
func derSet(members ...[]byte) []byte {
	sorted := append([][]byte(nil), members...)
	sort.Slice(sorted, func(i, j int) bool { return bytes.Compare(sorted[i], sorted[j]) < 0 })
	return tlv(0x31, sorted...)
}

var sha256Alg = seq(oid(oidSHA256))

// signCMS returns the DER of a detached SignedData over digest (the
// SHA-256 of the signed byte ranges), signed by key for cert, carrying
// cert and chain.
func signCMS(digest []byte, cert *x509.Certificate, chain []*x509.Certificate, key crypto.Signer) ([]byte, error) {
	var sigAlg []byte
	switch key.Public().(type) {
	case *rsa.PublicKey:
		sigAlg = seq(oid(oidRSAEncryption), []byte{0x05, 0x00})
	case *ecdsa.PublicKey:
		sigAlg = seq(oid(oidECDSAWithSHA256))
	default:
		return nil, errUnsupportedKeyType
	}
	certHash := sha256.Sum256(cert.Raw)
	// ESSCertIDv2 with the default hash algorithm (SHA-256, so omitted)
	// and the issuer and serial, which lets a verifier match the
	// certificate without trusting the hash alone.
	issuerSerial := seq(seq(tlv(0xa4, cert.RawIssuer)), integer(cert.SerialNumber))
	essCertID := seq(octets(certHash[:]), issuerSerial)
	attrs := [][]byte{
		seq(oid(oidContentType), derSet(oid(oidData))),
		seq(oid(oidMessageDigest), derSet(octets(digest))),
		seq(oid(oidSigningCertV2), derSet(seq(seq(essCertID)))),
	}
	signedAttrs := derSet(attrs...)
	h := sha256.Sum256(signedAttrs)
	sig, err := key.Sign(rand.Reader, h[:], crypto.SHA256)
	if err != nil {
		return nil, err
	}
	// In SignerInfo the same SET is written with the [0] IMPLICIT tag.
	implicitAttrs := append([]byte{0xa0}, signedAttrs[1:]...)
	signerInfo := seq(
		integer(big.NewInt(1)),
		seq(cert.RawIssuer, integer(cert.SerialNumber)),
		sha256Alg,
		implicitAttrs,
		sigAlg,
		octets(sig),
	)
	certs := [][]byte{cert.Raw}
	for _, c := range chain {
		if !c.Equal(cert) {
			certs = append(certs, c.Raw)
		}
	}
	signedData := seq(
		integer(big.NewInt(1)),
		tlv(0x31, sha256Alg),
		seq(oid(oidData)),
		tlv(0xa0, certs...),
		tlv(0x31, signerInfo),
	)
	return seq(oid(oidSignedData), tlv(0xa0, signedData)), nil
}
