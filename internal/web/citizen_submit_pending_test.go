package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/catalogue"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

var pendingRE = regexp.MustCompile(`name="pending" value="([A-Za-z0-9_-]{22})"`)

func pendingToken(t *testing.T, r resp) string {
	t.Helper()
	m := pendingRE.FindStringSubmatch(r.body)
	if m == nil {
		t.Fatalf("no kept-files token in the form (%d)\n%.3000s", r.code, r.body)
	}
	return m[1]
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// componentFiles maps the only dossier's component files to their sha256.
func componentFiles(t *testing.T, s *store.Store) map[int64]string {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT id FROM dossiers`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	files, err := s.DossierFiles(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, f := range files {
		out[f.ComponentID] = f.SHA256
	}
	return out
}

func keptFiles(t *testing.T, dataDir string) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dataDir, "pending", "*"))
	return names
}

// A submission refused for a bad birth date keeps its valid files: the form
// comes back listing them, and the corrected submission, with no file
// chosen again, creates the dossier with exactly those files. Before, the
// form said every file must be chosen again.
func TestSubmitKeepsFilesAcrossErrors(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		path := "/nop-ho-so/" + de.proc.Slug
		bad := de.validForm()
		bad["dob"] = "30/02/1990"
		r := de.post(t, path, bad, de.validFiles(), nil)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("bad date: %d", r.code)
		}
		mustContain(t, r, "không có thật", "Đã có tệp: <strong>to-khai.pdf</strong>", "Đã có tệp: <strong>uy-quyen.png</strong>",
			"giữ lại", `name="remove_`+de.fileField(0)+`"`)
		// The required component is no longer required of the browser.
		if regexp.MustCompile(`name="` + de.fileField(0) + `"[^>]*required`).MatchString(r.body) {
			t.Error("a kept required component still has a required file input")
		}
		token := pendingToken(t, r)
		if n := countRows(t, s, "pending_uploads"); n != 2 {
			t.Fatalf("%d kept rows, want 2", n)
		}
		var hash string
		s.DB().QueryRow(`SELECT token_hash FROM pending_uploads`).Scan(&hash)
		if hash == token || strings.Contains(hash, token) || len(hash) != 64 {
			t.Fatalf("token stored as %q", hash)
		}
		if n := len(keptFiles(t, de.dataDir)); n != 2 {
			t.Fatalf("%d kept files on disk", n)
		}

		good := de.validForm()
		good["pending"] = token
		r = de.post(t, path, good, nil, nil)
		if r.code != http.StatusSeeOther {
			t.Fatalf("corrected, no file chosen again: %d\n%.2000s", r.code, r.body)
		}
		got := componentFiles(t, s)
		want := map[int64]string{de.proc.Components[0].ID: sha(minimalPDF), de.proc.Components[1].ID: sha(tinyPNG)}
		if len(got) != 2 || got[de.proc.Components[0].ID] != want[de.proc.Components[0].ID] || got[de.proc.Components[1].ID] != want[de.proc.Components[1].ID] {
			t.Fatalf("dossier files %v, want %v", got, want)
		}
		// The stored files hold the content, the kept ones are gone.
		found := 0
		for _, name := range storedDossierFiles(t, de.dataDir) {
			if b, err := os.ReadFile(name); err == nil && (sha(b) == sha(minimalPDF) || sha(b) == sha(tinyPNG)) {
				found++
			}
		}
		if found != 2 {
			t.Errorf("%d stored files with the uploaded content, want 2", found)
		}
		if n := countRows(t, s, "pending_uploads"); n != 0 {
			t.Errorf("%d kept rows left after the dossier was created", n)
		}
		if k := keptFiles(t, de.dataDir); len(k) != 0 {
			t.Errorf("kept files left: %v", k)
		}
		if left, _ := filepath.Glob(filepath.Join(de.dataDir, "tmp", "*")); len(left) != 0 {
			t.Errorf("temporary files left: %v", left)
		}
		// The token is spent: it keeps nothing for another submission.
		again := de.validForm()
		again["key"] = "khoa-thu-nghiem-0000000002"
		again["pending"] = token
		if r := de.post(t, path, again, nil, nil); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Thiếu thành phần bắt buộc") {
			t.Fatalf("spent token reused: %d", r.code)
		}
	})
}

// A new file replaces the kept one of its component; "Bỏ tệp này" removes
// one; a fresh error keeps what was kept.
func TestSubmitKeptFileReplaceAndRemove(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		path := "/nop-ho-so/" + de.proc.Slug
		bad := de.validForm()
		bad["phone"] = "0243825353"
		token := pendingToken(t, de.post(t, path, bad, de.validFiles(), nil))

		// Remove the optional one, still with an error: only the first stays.
		bad["pending"] = token
		bad["remove_"+de.fileField(1)] = "1"
		r := de.post(t, path, bad, nil, nil)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("%d", r.code)
		}
		mustContain(t, r, "Đã có tệp: <strong>to-khai.pdf</strong>")
		if strings.Contains(r.body, "uy-quyen.png") {
			t.Error("a removed file is still listed")
		}
		if pendingToken(t, r) != token {
			t.Error("the token changed while files were kept under it")
		}
		if n := len(keptFiles(t, de.dataDir)); n != 1 {
			t.Fatalf("%d kept files on disk after a removal", n)
		}

		// Replace the first with another PDF and submit.
		other := append(append([]byte{}, minimalPDF...), []byte("% ban thu hai\n")...)
		good := de.validForm()
		good["pending"] = token
		r = de.post(t, path, good, []upFile{{de.fileField(0), "to-khai-moi.pdf", "application/pdf", other}}, nil)
		if r.code != http.StatusSeeOther {
			t.Fatalf("replace: %d\n%.2000s", r.code, r.body)
		}
		got := componentFiles(t, s)
		if len(got) != 1 || got[de.proc.Components[0].ID] != sha(other) {
			t.Fatalf("dossier files %v, want only the new PDF %s", got, sha(other))
		}
		if k := keptFiles(t, de.dataDir); len(k) != 0 {
			t.Errorf("kept files left: %v", k)
		}
	})
}

// A token from another procedure, or one past its 24 hours, keeps nothing;
// the sweep removes expired files and their rows.
func TestSubmitKeptFilesBound(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		de := newDeskEnv(t, s)
		other := catalogue.Procedure{SiteID: de.site.ID, Code: "1.004", Slug: "cap-giay-xac-nhan", Name: "Cấp giấy xác nhận tình trạng hôn nhân",
			Field: "Hộ tịch", Level: catalogue.LevelFull, TimeAmount: 3, TimeUnit: catalogue.TimeWorkingDays, Published: true,
			Units: []catalogue.Unit{de.unit}, Components: []catalogue.Component{{Name: "Tờ khai", Required: true, Copies: 1}}}
		if err := s.SaveProcedure(ctx, &other); err != nil {
			t.Fatal(err)
		}
		bad := de.validForm()
		bad["dob"] = "1990"
		r := de.post(t, "/nop-ho-so/"+other.Slug, bad, []upFile{{"file_" + itoa(other.Components[0].ID), "to-khai.pdf", "application/pdf", minimalPDF}}, nil)
		foreign := pendingToken(t, r)

		good := de.validForm()
		good["pending"] = foreign
		r = de.post(t, "/nop-ho-so/"+de.proc.Slug, good, nil, nil)
		if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Thiếu thành phần bắt buộc") || strings.Contains(r.body, "Đã có tệp") {
			t.Fatalf("another procedure's token: %d", r.code)
		}
		if strings.Contains(r.body, foreign) {
			t.Error("another procedure's token is echoed")
		}

		// Expired: the row is past its time.
		bad = de.validForm()
		bad["dob"] = "1990"
		bad["key"] = "khoa-thu-nghiem-0000000003"
		token := pendingToken(t, de.post(t, "/nop-ho-so/"+de.proc.Slug, bad, de.validFiles(), nil))
		past := time.Now().Add(-2 * time.Hour).UnixMilli()
		if _, err := s.DB().Exec(`UPDATE pending_uploads SET expires_at = ` + itoa(past)); err != nil {
			t.Fatal(err)
		}
		good = de.validForm()
		good["key"] = "khoa-thu-nghiem-0000000003"
		good["pending"] = token
		r = de.post(t, "/nop-ho-so/"+de.proc.Slug, good, nil, nil)
		if r.code != http.StatusUnprocessableEntity || strings.Contains(r.body, "Đã có tệp") {
			t.Fatalf("expired token: %d", r.code)
		}
		if n := countRows(t, s, "dossiers"); n != 0 {
			t.Fatalf("%d dossiers", n)
		}
		if n := len(keptFiles(t, de.dataDir)); n != 3 {
			t.Fatalf("%d kept files before the sweep, want 3", n)
		}
		// One sweep (the context is already done): every row was set past
		// its time above, so every row and file goes.
		done, cancel := context.WithCancel(ctx)
		cancel()
		de.srv.SweepUploads(done)
		if n := countRows(t, s, "pending_uploads"); n != 0 {
			t.Fatalf("%d rows after the sweep", n)
		}
		if k := keptFiles(t, de.dataDir); len(k) != 0 {
			t.Fatalf("files after the sweep: %v", k)
		}
	})
}
