package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/auth"
	"github.com/congportal/cong/internal/media/mediatest"
	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// The image dialog's picker lists this site's images with the alt text the
// library holds, filtered by the search, to staff who may upload only.
func TestMediaPicker(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := newMediaEnv(t, s)
		e.addUser(t, "bientap", auth.RoleEditor)
		e.addUser(t, "motcua", auth.RoleOfficer)
		ed := e.browser(t)
		ed.login("bientap")
		ed.get("/quan-tri/thu-vien")
		if r := ed.upload(map[string]string{"alt": "Trụ sở UBND huyện", "caption": "Ảnh: Văn phòng"}, &filePart{"tru-so.jpg", "image/jpeg", mediatest.JPEG(800, 500)}); r.code != http.StatusSeeOther {
			t.Fatalf("upload image: %d", r.code)
		}
		ed.get("/quan-tri/thu-vien")
		if r := ed.upload(map[string]string{"alt": "Hội nghị"}, &filePart{"hoi-nghi.jpg", "image/jpeg", mediatest.JPEG(600, 400)}); r.code != http.StatusSeeOther {
			t.Fatalf("upload image 2: %d", r.code)
		}
		ed.get("/quan-tri/thu-vien")
		if r := ed.upload(map[string]string{"alt": "Kế hoạch"}, &filePart{"ke-hoach.pdf", "application/pdf", mediatest.PDF()}); r.code != http.StatusSeeOther {
			t.Fatalf("upload pdf: %d", r.code)
		}
		// Another site's image must not show.
		other, err := s.EnsureSite(ctx, news.Site{Slug: "xa-khac", Name: "Cổng xã khác"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddMedia(ctx, &store.Media{SiteID: other.ID, Hash: strings.Repeat("ab", 32), Kind: "image", Mime: "image/jpeg", Ext: ".jpg", Size: 10, Width: 10, Height: 10, Alt: "Trụ sở xã khác", OriginalName: "xa.jpg", CreatedAt: time.Now()}, func() error { return nil }); err != nil {
			t.Fatal(err)
		}

		type list struct {
			Items []struct {
				Src, Thumb, Alt, Caption, Name string
			}
			Total int
		}
		get := func(q string) list {
			t.Helper()
			r := ed.get("/quan-tri/thu-vien.json?q=" + q)
			if r.code != 200 || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/json") {
				t.Fatalf("picker %q: %d %q %s", q, r.code, r.hdr.Get("Content-Type"), r.body)
			}
			var l list
			if err := json.Unmarshal([]byte(r.body), &l); err != nil {
				t.Fatal(err)
			}
			return l
		}
		all := get("")
		if all.Total != 2 || len(all.Items) != 2 {
			t.Fatalf("picker lists %+v, want this site's two images", all)
		}
		l := get("tru-so")
		if len(l.Items) != 1 || l.Items[0].Alt != "Trụ sở UBND huyện" || l.Items[0].Caption != "Ảnh: Văn phòng" ||
			!strings.HasPrefix(l.Items[0].Src, "/media/") || !strings.HasPrefix(l.Items[0].Thumb, "/media/") {
			t.Fatalf("search tru-so: %+v", l)
		}
		if r := e.get(l.Items[0].Src); r.code != 200 {
			t.Errorf("picked src %s: %d", l.Items[0].Src, r.code)
		}
		o := e.browser(t)
		o.login("motcua")
		if r := o.get("/quan-tri/thu-vien.json"); r.code != http.StatusForbidden {
			t.Errorf("officer reads the picker: %d", r.code)
		}
		if r := e.browser(t).get("/quan-tri/thu-vien.json"); r.code == 200 {
			t.Errorf("anonymous reads the picker")
		}
	})
}
