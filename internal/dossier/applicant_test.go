package dossier

import (
	"strings"
	"testing"
	"time"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func valid() ApplicantInput {
	return ApplicantInput{Name: "Nguyễn Thị Thu Hà", IDNumber: "001185012345", DOB: "05/09/1985",
		Phone: "0912 345 678", Email: "ha.nguyen@example.vn", Address: "Số 12, thôn Đông, xã Thử Nghiệm"}
}

func TestParseApplicantValid(t *testing.T) {
	a, errs := ParseApplicant(valid(), today)
	if errs != nil {
		t.Fatalf("errors: %v", errs)
	}
	if a.Phone != "0912345678" || a.IDNumber != "001185012345" || !a.DOB.Equal(time.Date(1985, 9, 5, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("got %+v", a)
	}
	// Decomposed input (as from a Mac) is stored composed.
	in := valid()
	in.Name = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300"
	a, errs = ParseApplicant(in, today)
	if errs != nil || a.Name != "Nguyễn Thị Hà" {
		t.Fatalf("NFC: %q %v", a.Name, errs)
	}
}

func TestParseApplicantErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*ApplicantInput)
		field string
		msg   string // part of the message
	}{
		{"empty name", func(a *ApplicantInput) { a.Name = "  " }, "name", "nhập họ và tên"},
		{"digits in name", func(a *ApplicantInput) { a.Name = "Nguyễn Văn 2" }, "name", "chữ cái"},
		{"name symbols", func(a *ApplicantInput) { a.Name = "<script>" }, "name", "chữ cái"},
		{"one letter", func(a *ApplicantInput) { a.Name = "A" }, "name", "đầy đủ"},
		{"long name", func(a *ApplicantInput) { a.Name = strings.Repeat("Ă", 101) }, "name", "100 ký tự"},
		{"empty id", func(a *ApplicantInput) { a.IDNumber = "" }, "id_number", "12 chữ số"},
		{"short id", func(a *ApplicantInput) { a.IDNumber = "00118501234" }, "id_number", "đúng 12 chữ số (bạn đã nhập 11)"},
		{"old 9-digit CMND", func(a *ApplicantInput) { a.IDNumber = "123456789" }, "id_number", "đúng 12 chữ số"},
		{"letters in id", func(a *ApplicantInput) { a.IDNumber = "00118501234A" }, "id_number", "chỉ gồm chữ số"},
		{"bad province", func(a *ApplicantInput) { a.IDNumber = "003185012345" }, "id_number", "mã tỉnh"},
		{"province 097", func(a *ApplicantInput) { a.IDNumber = "097185012345" }, "id_number", "mã tỉnh"},
		{"century mismatch", func(a *ApplicantInput) { a.IDNumber = "001285012345" }, "id_number", "năm sinh 1985"},
		{"year mismatch", func(a *ApplicantInput) { a.IDNumber = "001186012345" }, "id_number", "năm sinh 1985"},
		{"empty dob", func(a *ApplicantInput) { a.DOB = "" }, "dob", "nhập ngày sinh"},
		{"garbage dob", func(a *ApplicantInput) { a.DOB = "hôm qua" }, "dob", "ngày/tháng/năm"},
		{"us order", func(a *ApplicantInput) { a.DOB = "1985/09/05/01" }, "dob", "ngày/tháng/năm"},
		{"31 Feb", func(a *ApplicantInput) { a.DOB = "31/02/1985" }, "dob", "không có thật"},
		{"month 13", func(a *ApplicantInput) { a.DOB = "05/13/1985" }, "dob", "không có thật"},
		{"future", func(a *ApplicantInput) { a.DOB = "27/11/2026"; a.IDNumber = "001226012345" }, "dob", "sau ngày hôm nay"},
		{"before 1900", func(a *ApplicantInput) { a.DOB = "31/12/1899" }, "dob", "1900"},
		{"empty phone", func(a *ApplicantInput) { a.Phone = "" }, "phone", "nhập số điện thoại"},
		{"landline", func(a *ApplicantInput) { a.Phone = "0243 8253 536" }, "phone", "03, 05, 07, 08 hoặc 09"},
		{"9 digits", func(a *ApplicantInput) { a.Phone = "091234567" }, "phone", "10 chữ số"},
		{"06 prefix", func(a *ApplicantInput) { a.Phone = "0612345678" }, "phone", "10 chữ số"},
		{"letters", func(a *ApplicantInput) { a.Phone = "09123abc78" }, "phone", "10 chữ số"},
		{"bad email", func(a *ApplicantInput) { a.Email = "ha@" }, "email", "không hợp lệ"},
		{"email with name", func(a *ApplicantInput) { a.Email = "Hà <ha@example.vn>" }, "email", "không hợp lệ"},
		{"email no dot", func(a *ApplicantInput) { a.Email = "ha@localhost" }, "email", "không hợp lệ"},
		{"empty address", func(a *ApplicantInput) { a.Address = "" }, "address", "nhập địa chỉ"},
		{"short address", func(a *ApplicantInput) { a.Address = "HN" }, "address", "quá ngắn"},
		{"long address", func(a *ApplicantInput) { a.Address = strings.Repeat("a", 256) }, "address", "255 ký tự"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := valid()
			c.edit(&in)
			_, errs := ParseApplicant(in, today)
			if len(errs) != 1 {
				t.Fatalf("want exactly one error on %s, got %v", c.field, errs)
			}
			if !strings.Contains(errs[c.field], c.msg) {
				t.Fatalf("%s: %q lacks %q", c.field, errs[c.field], c.msg)
			}
		})
	}
}

func TestParseApplicantAccepts(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*ApplicantInput)
		check func(Applicant) bool
	}{
		{"+84 phone", func(a *ApplicantInput) { a.Phone = "+84 912 345 678" }, func(a Applicant) bool { return a.Phone == "0912345678" }},
		{"84 phone", func(a *ApplicantInput) { a.Phone = "84912345678" }, func(a Applicant) bool { return a.Phone == "0912345678" }},
		{"dotted phone", func(a *ApplicantInput) { a.Phone = "038.123.4567" }, func(a Applicant) bool { return a.Phone == "0381234567" }},
		{"no email", func(a *ApplicantInput) { a.Email = "" }, func(a Applicant) bool { return a.Email == "" }},
		{"email domain case", func(a *ApplicantInput) { a.Email = "Ha@Example.VN" }, func(a Applicant) bool { return a.Email == "Ha@example.vn" }},
		{"iso date", func(a *ApplicantInput) { a.DOB = "1985-09-05" }, func(a Applicant) bool { return a.DOB.Day() == 5 && a.DOB.Month() == 9 }},
		{"short date", func(a *ApplicantInput) { a.DOB = "5/9/1985" }, func(a Applicant) bool { return a.DOB.Day() == 5 && a.DOB.Month() == 9 }},
		{"born 2000s, female", func(a *ApplicantInput) { a.DOB = "29/02/2004"; a.IDNumber = "079304000123" }, func(a Applicant) bool { return a.DOB.Year() == 2004 }},
		{"born 1900s, female", func(a *ApplicantInput) { a.IDNumber = "096185000001" }, func(a Applicant) bool { return a.IDNumber == "096185000001" }},
		{"id with spaces", func(a *ApplicantInput) { a.IDNumber = "001 185 012 345" }, func(a Applicant) bool { return a.IDNumber == "001185012345" }},
		{"ethnic name", func(a *ApplicantInput) { a.Name = "H'Hen Niê" }, func(a Applicant) bool { return a.Name == "H'Hen Niê" }},
		{"spaces collapsed", func(a *ApplicantInput) { a.Address = "  Thôn   Đông,\txã A  " }, func(a Applicant) bool { return a.Address == "Thôn Đông, xã A" }},
		{"born today", func(a *ApplicantInput) { a.DOB = "26/11/2026"; a.IDNumber = "001226012345" }, func(a Applicant) bool { return a.DOB.Equal(today) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := valid()
			c.edit(&in)
			a, errs := ParseApplicant(in, today)
			if errs != nil {
				t.Fatalf("errors: %v", errs)
			}
			if !c.check(a) {
				t.Fatalf("got %+v", a)
			}
		})
	}
}

// A wrong date of birth is reported once, on the date, not also on the ID.
func TestParseApplicantBadDOBOnlyOnce(t *testing.T) {
	in := valid()
	in.DOB = "99/99/9999"
	_, errs := ParseApplicant(in, today)
	if len(errs) != 1 || errs["dob"] == "" {
		t.Fatalf("%v", errs)
	}
}

func TestParseDateForms(t *testing.T) {
	today := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	want := time.Date(1985, 9, 5, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"05/09/1985", "5/9/1985", "05091985", "5-9-1985", "05.09.1985", "05 09 1985", " 1985-09-05 ", "０５０９１９８５"} {
		if got, msg := ParseDate(in, today); msg != "" || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v %q", in, got, msg)
		}
	}
	for in, msg := range map[string]string{
		"31021985": "không có thật", "05131985": "không có thật", "00091985": "không có thật", "050985": "4 chữ số của năm",
		"0509198": "ngày/tháng/năm", "050919855": "ngày/tháng/năm", "05091885": "1900", "05092030": "sau ngày hôm nay",
	} {
		if _, got := ParseDate(in, today); !strings.Contains(got, msg) {
			t.Errorf("ParseDate(%q) message %q, want %q", in, got, msg)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05/09/1985", "05091985", "1985-09-05", "31/02/1985", "５/９/１９８５"} {
		f.Add(s)
	}
	today := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, msg := ParseDate(s, today)
		if msg == "" && (d.Year() < 1900 || d.After(today)) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}
