package auth

import (
	"errors"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/news"
)

func TestPasswordHashing(t *testing.T) {
	h, err := HashPassword("Cổng-mật-khẩu-2026")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("encoding %q", h)
	}
	if !VerifyPassword(h, "Cổng-mật-khẩu-2026") {
		t.Fatal("right password refused")
	}
	for _, bad := range []string{"", "Cổng-mật-khẩu-2025", "cổng-mật-khẩu-2026"} {
		if VerifyPassword(h, bad) {
			t.Fatalf("wrong password %q accepted", bad)
		}
	}
	h2, _ := HashPassword("Cổng-mật-khẩu-2026")
	if h == h2 {
		t.Fatal("salt not random")
	}
	for _, broken := range []string{"", "plain", "$argon2id$v=19$m=x$a$b", "$bcrypt$…$…$…$…"} {
		if VerifyPassword(broken, "x") {
			t.Fatalf("malformed hash %q verified", broken)
		}
	}
}

func TestPasswordPolicy(t *testing.T) {
	for _, tc := range []struct {
		pw, user string
		ok       bool
	}{
		{"ngắn", "lan", false},
		{"matkhau123", "lan", false},
		{"anhyeuem123", "lan", false},
		{"1234567890", "lan", false},
		{"aaaaaaaaaaaa", "lan", false},
		{"nguyenthilan2026", "nguyenthilan", false},
		{"Hoa-sen-nở-tháng-6", "lan", true},
		{"correct horse battery", "lan", true},
		{strings.Repeat("x", 257) + "y", "lan", false},
	} {
		err := CheckPassword(tc.pw, tc.user)
		if (err == nil) != tc.ok {
			t.Errorf("%q: %v", tc.pw, err)
		}
		if err != nil && !errors.Is(err, ErrWeakPassword) {
			t.Errorf("%q: error not ErrWeakPassword", tc.pw)
		}
	}
}

func TestSecrets(t *testing.T) {
	s1, h1, err := NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	s2, h2, _ := NewSecret()
	if s1 == s2 || len(s1) < 40 || string(h1) == string(h2) || string(HashSecret(s1)) != string(h1) {
		t.Fatal("secrets")
	}
}

// Every role × action, including an editor trying to publish or to edit
// someone else's draft.
func TestCan(t *testing.T) {
	editor := &User{ID: 1, Role: RoleEditor}
	other := &User{ID: 2, Role: RoleEditor}
	approver := &User{ID: 3, Role: RoleApprover}
	admin := &User{ID: 4, Role: RoleAdmin}
	officer := &User{ID: 5, Role: RoleOfficer}
	disabled := &User{ID: 6, Role: RoleAdmin, Disabled: true}
	art := func(status string, author int64) *news.Article {
		return &news.Article{Status: status, AuthorID: author}
	}
	draft, pending, published, returned, trashed := art(news.StatusDraft, 1), art(news.StatusPending, 1), art(news.StatusPublished, 1), art(news.StatusReturned, 1), art(news.StatusTrash, 1)
	cases := []struct {
		u    *User
		act  Action
		a    *news.Article
		want bool
	}{
		{editor, ActCreate, nil, true},
		{editor, ActEdit, draft, true},
		{editor, ActEdit, returned, true},
		{editor, ActEdit, pending, false},
		{editor, ActEdit, published, false},
		{other, ActEdit, draft, false},
		{other, ActSubmit, draft, false},
		{editor, ActSubmit, draft, true},
		{editor, ActSubmit, pending, false},
		{editor, ActPublish, draft, false},
		{editor, ActPublish, pending, false},
		{editor, ActReturn, pending, false},
		{editor, ActUnpublish, published, false},
		{editor, ActTrash, draft, true},
		{editor, ActTrash, published, false},
		{other, ActTrash, draft, false},
		{editor, ActManageUsers, nil, false},
		{editor, ActViewAudit, nil, false},
		{approver, ActEdit, pending, true},
		{approver, ActEdit, trashed, false},
		{approver, ActPublish, pending, true},
		{approver, ActPublish, draft, true},
		{approver, ActPublish, published, false},
		{approver, ActReturn, pending, true},
		{approver, ActReturn, draft, false},
		{approver, ActUnpublish, published, true},
		{approver, ActTrash, published, true},
		{approver, ActRestore, trashed, true},
		{approver, ActManageUsers, nil, false},
		{admin, ActManageUsers, nil, true},
		{admin, ActManageSite, nil, true},
		{admin, ActViewAudit, nil, true},
		{admin, ActPublish, pending, true},
		{officer, ActCreate, nil, false},
		{officer, ActEdit, draft, false},
		{officer, ActPublish, pending, false},
		{officer, ActViewAdmin, nil, true},
		{disabled, ActViewAdmin, nil, false},
		{disabled, ActManageUsers, nil, false},
		{nil, ActView, draft, false},
		{approver, ActView, nil, false},
	}
	for _, tc := range cases {
		role := "nil"
		if tc.u != nil {
			role = string(tc.u.Role)
		}
		status := ""
		if tc.a != nil {
			status = tc.a.Status
		}
		if got := Can(tc.u, tc.act, tc.a); got != tc.want {
			t.Errorf("%s(%v) %s %s: %v, want %v", role, tc.u != nil && tc.u.ID == 1, tc.act, status, got, tc.want)
		}
	}
}

// A nil article handed over as an Item (templates pass a nil *news.Article
// for "no article") is no item, not a zero article.
func TestCanNilItem(t *testing.T) {
	approver := &User{ID: 3, Role: RoleApprover}
	var a *news.Article
	for _, act := range []Action{ActView, ActEdit, ActPublish, ActTrash, ActRestore} {
		if Can(approver, act, a) {
			t.Errorf("%s allowed on a nil article", act)
		}
	}
	if !Can(approver, ActCreate, a) {
		t.Error("create refused with a nil article")
	}
}
