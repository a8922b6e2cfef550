// Package auth holds the newsroom's security rules without HTTP: password
// hashing and policy, tokens, roles and the single place that answers "may
// this user do this to this object".
package auth

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's minimum recommendation (19 MiB, 2 passes),
// which keeps a login under ~50 ms on the small VM a commune runs on while
// making offline guessing expensive. Stored with each hash, so they can be
// raised later without breaking old hashes.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// HashPassword returns an encoded argon2id hash of pw.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// dummyHash is verified against when a username does not exist, so a
// failed login takes the same time either way (no account enumeration).
var dummyHash, _ = HashPassword("không-có-tài-khoản-này")

// VerifyPassword reports whether pw matches the encoded hash. An empty hash
// (unknown user) still costs one hash computation.
func VerifyPassword(encoded, pw string) bool {
	if encoded == "" {
		encoded = dummyHash
		VerifyPassword(encoded, pw)
		return false
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// The lists of common passwords: the team's own (Vietnamese habits) and
// 47,023 from zxcvbn's ranked list (COMMON-PASSWORDS.md: source, licence).
//
//go:embed common-passwords.txt
var commonList string

//go:embed common-passwords-xato.txt.gz
var commonXato []byte

var (
	commonOnce sync.Once
	common     map[string]bool
)

// loadCommon reads both lists once, on the first password checked, so a
// server that never sets a password never holds them.
func loadCommon() {
	common = make(map[string]bool, 48000)
	add := func(r io.Reader) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
				common[strings.ToLower(w)] = true
			}
		}
	}
	add(strings.NewReader(commonList))
	zr, err := gzip.NewReader(bytes.NewReader(commonXato))
	if err != nil {
		panic("auth: embedded common-password list unreadable: " + err.Error())
	}
	add(zr)
}

// CommonPasswords is how many distinct common passwords are refused.
func CommonPasswords() int {
	commonOnce.Do(loadCommon)
	return len(common)
}

// ErrWeakPassword explains why a password was refused.
var ErrWeakPassword = errors.New("mật khẩu chưa đủ mạnh")

// CheckPassword applies the password policy: a minimum length, not the
// username, not in a list of common passwords (including Vietnamese ones
// such as "matkhau123" or "anhyeuem").
func CheckPassword(pw, username string) error {
	if utf8.RuneCountInString(pw) < MinPasswordLength {
		return fmt.Errorf("%w: cần ít nhất %d ký tự", ErrWeakPassword, MinPasswordLength)
	}
	if utf8.RuneCountInString(pw) > 256 {
		return fmt.Errorf("%w: tối đa 256 ký tự", ErrWeakPassword)
	}
	lower := strings.ToLower(pw)
	if username != "" && strings.Contains(lower, strings.ToLower(username)) {
		return fmt.Errorf("%w: không được chứa tên đăng nhập", ErrWeakPassword)
	}
	commonOnce.Do(loadCommon)
	if common[lower] {
		return fmt.Errorf("%w: mật khẩu này quá phổ biến, dễ bị đoán", ErrWeakPassword)
	}
	if allSame(lower) || isSequence(lower) {
		return fmt.Errorf("%w: không dùng chuỗi lặp lại hoặc dãy liên tiếp", ErrWeakPassword)
	}
	return nil
}

func allSame(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

func isSequence(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[i-1]+1 {
			return false
		}
	}
	return true
}

// NewSecret returns a random secret for a session or API token, and the
// SHA-256 hash that is stored instead of it. The secret has 256 bits, so a
// fast hash is enough: there is nothing to brute-force.
func NewSecret() (secret string, hash []byte, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, err
	}
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, HashSecret(secret), nil
}

// HashSecret is the stored form of a session id or token.
func HashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}
