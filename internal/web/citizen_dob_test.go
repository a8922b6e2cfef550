package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// A citizen on a phone types the birth date on the numeric keypad the field
// opens: 05/09/1985, 5/9/1985 and 05091985 are each accepted through the
// page, and stored as the same date.
func TestSubmitBirthDateForms(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		path := "/nop-ho-so/" + de.proc.Slug
		for i, dob := range []string{"05/09/1985", "5/9/1985", "05091985"} {
			f := de.validForm()
			// The citizen ID's year digits must match the birth year.
			f["dob"], f["id_number"], f["key"] = dob, "001185012345", fmt.Sprintf("khoa-ngay-sinh-%016d", i)
			if r := de.post(t, path, f, de.validFiles(), nil); r.code != http.StatusSeeOther {
				t.Fatalf("dob %q: %d\n%.2000s", dob, r.code, r.body)
			}
		}
		rows, err := s.DB().Query(`SELECT applicant_dob FROM dossiers ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				t.Fatal(err)
			}
			got = append(got, d)
		}
		if len(got) != 3 || got[0] == "" || got[1] != got[0] || got[2] != got[0] {
			t.Errorf("stored birth dates %q, want three times the same date", got)
		}
	})
}
