package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// An officer records a complaint against a dossier and marks its result
// electronic from the dossier's page: bad input is refused in Vietnamese
// with what was typed kept, good input lands, is audited and shows.
func TestDeskComplaintAndDigitisation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		token := oe.submit(t, oe.validForm())
		d := oe.byToken(t, token)
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		ba := oe.as(t, "motcuaa")
		wantCode(t, "page", ba.get(path), 200, `action="`+path+`/phan-anh"`, `action="`+path+`/so-hoa"`, "Chưa có phản ánh, kiến nghị nào.")
		wantCode(t, "empty", ba.post(path+"/phan-anh", url.Values{"kind": {"kien_nghi"}, "content": {"   "}}), 422,
			"Hãy ghi nội dung phản ánh, kiến nghị.")
		wantCode(t, "bad kind", ba.post(path+"/phan-anh", url.Values{"kind": {"x"}, "content": {"Chờ lâu"}}), 422,
			"Hãy chọn loại: phản ánh hoặc kiến nghị.", ">Chờ lâu</textarea>")
		if cs, _ := s.Complaints(ctx, d.ID); len(cs) != 0 {
			t.Fatalf("refused input recorded: %+v", cs)
		}
		wantCode(t, "complaint", ba.post(path+"/phan-anh", url.Values{"kind": {"kien_nghi"}, "content": {"Đề nghị trả kết quả qua bưu điện"}}), 303)
		wantCode(t, "shown", ba.get(path), 200, "Kiến nghị (", "Đề nghị trả kết quả qua bưu điện")
		wantCode(t, "result", ba.post(path+"/so-hoa", url.Values{"result": {"1"}}), 303)
		dg, err := s.DossierDigitisation(ctx, d.ID)
		if err != nil || !dg.ResultElectronic || !dg.Digitised {
			t.Errorf("online dossier digitised, result electronic: %+v %v", dg, err)
		}
		wantCode(t, "bad component", ba.post(path+"/so-hoa", url.Values{"component": {"abc"}}), 400)
		acts := auditActions(t, s, oe.site.ID)
		if !strings.Contains(acts, ",dossier.complaint,") || !strings.Contains(acts, ",dossier.digitise,") {
			t.Errorf("not audited: %s", acts)
		}
		if d.Channel != dossier.Online {
			t.Errorf("channel %v", d.Channel)
		}
	})
}
