package auth

import (
	"testing"
	"time"
)

// RFC 6238 appendix B test vectors (SHA-1, 8 digits there; the last 6
// digits are what a 6-digit app shows).
func TestTOTPVectors(t *testing.T) {
	secret := b32.EncodeToString([]byte("12345678901234567890"))
	for _, v := range []struct {
		unix int64
		want string
	}{
		{59, "287082"}, {1111111109, "081804"}, {1111111111, "050471"}, {1234567890, "005924"}, {2000000000, "279037"},
	} {
		got, err := TOTPCode(secret, v.unix/30)
		if err != nil || got != v.want {
			t.Errorf("%d: %s %v, want %s", v.unix, got, err, v.want)
		}
	}
}

func TestVerifyTOTP(t *testing.T) {
	secret, err := NewTOTPSecret()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 8, 0, 15, 0, time.UTC)
	code, _ := TOTPCode(secret, TOTPStep(now))
	st, ok := VerifyTOTP(secret, code, now, 0)
	if !ok || st != TOTPStep(now) {
		t.Fatal("current code refused")
	}
	if _, ok := VerifyTOTP(secret, code, now, st); ok {
		t.Fatal("replayed code accepted")
	}
	prev, _ := TOTPCode(secret, TOTPStep(now)-1)
	if _, ok := VerifyTOTP(secret, prev, now, 0); !ok {
		t.Fatal("previous step (clock drift) refused")
	}
	old, _ := TOTPCode(secret, TOTPStep(now)-3)
	if _, ok := VerifyTOTP(secret, old, now, 0); ok {
		t.Fatal("old code accepted")
	}
	for _, bad := range []string{"", "12345", "abcdef", "1234567"} {
		if _, ok := VerifyTOTP(secret, bad, now, 0); ok {
			t.Fatalf("%q accepted", bad)
		}
	}
	if u := TOTPURI(secret, "Cổng xã Tân Hòa Lĩnh", "admin"); u[:15] != "otpauth://totp/" {
		t.Fatal(u)
	}
}
