package auth

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The embedded public list is in force: ≥ 10,000 entries, and long
// passwords from it that the team's short list never had are refused.
func TestCommonPasswordList(t *testing.T) {
	if n := CommonPasswords(); n < 40000 {
		t.Fatalf("only %d common passwords loaded", n)
	}
	for _, pw := range []string{"christopher", "Manchester", "nuttertools", "qazwsxedcrfv", "CALIFORNIA", "terminator"} {
		if strings.Contains(strings.ToLower(commonList), strings.ToLower(pw)) {
			t.Fatalf("%q is already on the short list; pick one only the public list has", pw)
		}
		err := CheckPassword(pw, "duyet")
		if !errors.Is(err, ErrWeakPassword) || !strings.Contains(err.Error(), "quá phổ biến") {
			t.Errorf("%q: %v", pw, err)
		}
	}
	if err := CheckPassword("Trống đồng Ngọc Lũ 1893", "duyet"); err != nil {
		t.Errorf("a strong passphrase refused: %v", err)
	}
}

func TestTOTPRequired(t *testing.T) {
	for _, tc := range []struct {
		role Role
		site bool
		want bool
	}{
		{RoleAdmin, true, true}, {RoleApprover, true, true}, {RoleEditor, true, false}, {RoleOfficer, true, false},
		{RoleAdmin, false, false}, {RoleApprover, false, false},
	} {
		if got := TOTPRequired(tc.role, tc.site); got != tc.want {
			t.Errorf("TOTPRequired(%s, %v) = %v", tc.role, tc.site, got)
		}
	}
}

func TestAccountDelay(t *testing.T) {
	th := LoginThrottle
	if th.AccountDelay(th.AccountFree) != 0 || th.AccountDelay(th.AccountFree+1) != th.AccountDelayStep {
		t.Fatal("delay must start after the free failures")
	}
	if th.AccountDelay(th.AccountFree+1000) != th.AccountDelayMax || th.AccountDelayMax > 30*time.Second {
		t.Fatal("delay must be capped and short")
	}
}
