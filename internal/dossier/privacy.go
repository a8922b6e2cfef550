package dossier

import (
	"crypto/subtle"
	"strings"
	"unicode/utf8"
)

// Personal data rules (Decree 13/2023/NĐ-CP): what a citizen must know to
// have a lost private link sent again, how a CCCD number is shown outside
// the officer's dossier page, and which dossiers the retention period
// applies to.

// RecoveryBudget is how many wrong (code, email or phone) pairs a dossier
// takes before its code is locked for recovery until an officer resets
// it. A citizen mistyping gets a few tries; a guesser gets no more than a
// handful, whatever the number of addresses used.
const RecoveryBudget = 5

// RecoveryMailsPerDay bounds how many fresh links one dossier mails in 24
// hours, so the recovery form cannot be used to flood a citizen's mailbox
// or keep rotating the link of someone whose phone number is known.
const RecoveryMailsPerDay = 3

// ErasedLabel replaces the applicant's name in the history once the
// retention period has erased it. Migration 0023's trigger accepts exactly
// this text, so it must not change.
const ErasedLabel = "Người nộp hồ sơ (đã xóa dữ liệu cá nhân)"

// MaskID shows only the last three digits of a personal ID number, the
// rest as stars of the same count ("*********123"), so the citizen can
// recognise it and nobody can copy it.
func MaskID(id string) string {
	n := utf8.RuneCountInString(id)
	if n == 0 {
		return ""
	}
	if n <= 3 {
		return strings.Repeat("*", n)
	}
	r := []rune(id)
	return strings.Repeat("*", n-3) + string(r[n-3:])
}

// ContactMatches reports whether what the citizen typed is the email or
// the phone number on file. An email is compared case-insensitively (mail
// providers ignore case in practice), a phone after the same
// normalisation as at submission (spaces, dots, +84). An empty field on
// file never matches. The comparisons take constant time in the contents.
func ContactMatches(typed, email, phone string) bool {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return false
	}
	if strings.Contains(typed, "@") {
		if email == "" {
			return false
		}
		return subtle.ConstantTimeCompare([]byte(strings.ToLower(typed)), []byte(strings.ToLower(strings.TrimSpace(email)))) == 1
	}
	p, msg := NormalizePhone(typed)
	if msg != "" || phone == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(p), []byte(phone)) == 1
}

// Closed reports whether a dossier can no longer move, so that once the
// retention period has passed its applicant's personal data may go: refused
// (3), withdrawn (7), stopped (8) or returned (10). A dossier finished but
// not yet handed back (9) still needs to know whom to hand it to.
func Closed(s Status) bool {
	return s == Refused || s == Withdrawn || s == Stopped || s == Returned
}

// ClosedStatuses lists Closed's statuses, for queries.
var ClosedStatuses = []Status{Refused, Withdrawn, Stopped, Returned}
