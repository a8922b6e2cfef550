package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/forms"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// Form 01 and the printable receipt list what the dossier was received
// with: the optional "Giấy ủy quyền (nếu nộp thay)" the applicant did not
// bring is not on it; when a file for it is given, it is.
func TestReceiptListsSubmittedComponents(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		ba := oe.as(t, "motcuaa")
		optional := oe.proc.Components[1].Name
		create := func(name string, files []upFile) int64 {
			fields := map[string]string{"procedure": fmt.Sprint(oe.proc.ID), "channel": "1", "unit": fmt.Sprint(oe.unit.ID),
				"name": name, "id_number": "001185012345", "dob": "01/02/1985", "phone": "0912345678", "address": "Số 1, thôn Tây"}
			r := ba.postMultipart("/quan-tri/ho-so/moi", fields, files)
			wantCode(t, "create", r, 303)
			var id int64
			fmt.Sscanf(strings.TrimPrefix(r.hdr.Get("Location"), "/quan-tri/ho-so/"), "%d", &id)
			return id
		}
		without := create("Vũ Thị Lan", []upFile{{oe.fileField(0), "to-khai.pdf", "application/pdf", minimalPDF}})
		with := create("Lê Văn Bình", oe.validFiles())
		for _, c := range []struct {
			id   int64
			want []string
		}{
			{without, []string{oe.proc.Components[0].Name}},
			{with, []string{oe.proc.Components[0].Name, optional}},
		} {
			_, f, err := s.DossierFormData(ctx, c.id, forms.Receipt, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, comp := range f.Components {
				got = append(got, comp.Name)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("form 01 of dossier %d lists %q, want %q", c.id, got, c.want)
			}
			page := ba.get(fmt.Sprintf("/quan-tri/ho-so/%d/bien-nhan", c.id))
			wantCode(t, "receipt", page, 200, oe.proc.Components[0].Name)
			if strings.Contains(page.body, optional) != (len(c.want) == 2) {
				t.Errorf("receipt page of dossier %d: optional component shown = %v", c.id, strings.Contains(page.body, optional))
			}
		}
	})
}
