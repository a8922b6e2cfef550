package dossier

import (
	"net/mail"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParseApplicant: the submission form's applicant fields are accepted
// clean (NFC, one line, in their limits, a 12-digit ID, a 0XXXXXXXXX phone,
// a date not after today) or refused field by field in Vietnamese; and an
// accepted applicant typed again is accepted as the same applicant.
func FuzzParseApplicant(f *testing.F) {
	v := valid()
	f.Add(v.Name, v.IDNumber, v.DOB, v.Phone, v.Email, v.Address)
	f.Add("Nguye\u0302\u0303n Thi\u0323 Ha\u0300", " 001 185 012 345 ", "1985-09-05", "+84 912.345.678", "", "Thôn\tĐông\r\nxã A")
	f.Add("", "", "", "", "", "")
	f.Add("A", "999999999999", "31/02/2020", "12345", "a@", "ab")
	f.Add("Lê\x00Văn\u202eB", "0011850123456", "05/09/2999", "0912345678", "x@example.vn", strings.Repeat("đ", 300))
	known := map[string]bool{"name": true, "id_number": true, "dob": true, "phone": true, "email": true, "address": true}
	f.Fuzz(func(t *testing.T, name, id, dob, phone, email, address string) {
		in := ApplicantInput{Name: name, IDNumber: id, DOB: dob, Phone: phone, Email: email, Address: address}
		a, errs := ParseApplicant(in, today)
		for k, msg := range errs {
			if !known[k] || msg == "" || !utf8.ValidString(msg) || !norm.NFC.IsNormalString(msg) {
				t.Fatalf("error %q: %q", k, msg)
			}
		}
		if errs != nil {
			return
		}
		clean := func(what, s string, max int) {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || s != strings.TrimSpace(s) || utf8.RuneCountInString(s) > max ||
				strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\n' }) || strings.Contains(s, "  ") {
				t.Fatalf("%s %q not clean", what, s)
			}
		}
		clean("name", a.Name, MaxNameLen)
		clean("address", a.Address, MaxAddressLen)
		if len(a.IDNumber) != 12 || strings.Trim(a.IDNumber, "0123456789") != "" {
			t.Fatalf("id %q", a.IDNumber)
		}
		if len(a.Phone) != 10 || a.Phone[0] != '0' || strings.Trim(a.Phone, "0123456789") != "" {
			t.Fatalf("phone %q", a.Phone)
		}
		if a.DOB.After(today) || a.DOB.Year() < 1900 {
			t.Fatalf("dob %v", a.DOB)
		}
		if a.Email != "" {
			if _, err := mail.ParseAddress(a.Email); err != nil || len(a.Email) > MaxEmailLen {
				t.Fatalf("email %q", a.Email)
			}
		}
		again, errs := ParseApplicant(ApplicantInput{Name: a.Name, IDNumber: a.IDNumber, DOB: a.DOB.Format("02/01/2006"),
			Phone: a.Phone, Email: a.Email, Address: a.Address}, today)
		if errs != nil || again != a {
			t.Fatalf("accepted %+v, typed again: %+v %v", a, again, errs)
		}
	})
}
