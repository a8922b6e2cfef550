package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// setDossierTimes sets time columns of a dossier (name, value pairs), to
// put it where the clock would have taken it.
func setDossierTimes(t *testing.T, s *store.Store, id int64, kv ...any) {
	t.Helper()
	var set []string
	var args []any
	for i := 0; i < len(kv); i += 2 {
		n := len(args) + 1
		ph := "?"
		if s.Dialect() == store.Postgres {
			ph = fmt.Sprintf("$%d", n)
		}
		set = append(set, kv[i].(string)+" = "+ph)
		args = append(args, kv[i+1].(time.Time).UTC())
	}
	ph := "?"
	if s.Dialect() == store.Postgres {
		ph = fmt.Sprintf("$%d", len(args)+1)
	}
	if _, err := s.DB().Exec(`UPDATE dossiers SET `+strings.Join(set, ", ")+` WHERE id = `+ph, append(args, id)...); err != nil {
		t.Fatal(err)
	}
}

// After an apology the prompt is about the new date: absent while that
// date is far, and quoting it (not the first appointment) once it passes.
func TestDeskApologyPromptQuotesNewDate(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		d := oe.byToken(t, oe.submit(t, oe.validForm()))
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		ba := oe.as(t, "motcuaa")
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		now := time.Now()
		first := now.Add(-5 * 24 * time.Hour)
		newDue := now.Add(10 * 24 * time.Hour)
		setDossierTimes(t, s, d.ID, "received_at", now.Add(-8*24*time.Hour), "due_at", first, "new_due_at", newDue)
		if _, err := s.DB().Exec(`UPDATE dossiers SET apology_count = 1`); err != nil {
			t.Fatal(err)
		}
		if page := ba.get(path); page.code != 200 || strings.Contains(page.body, "/xin-loi") {
			t.Fatalf("apology prompted while the new date is 10 days away (%d)", page.code)
		}
		newDue = now.Add(-time.Hour)
		setDossierTimes(t, s, d.ID, "new_due_at", newDue)
		page := ba.get(path)
		wantCode(t, "prompt", page, 200, "Hồ sơ đã quá hẹn trả", "Nếu không kịp trả kết quả ngày "+newDue.In(dossier.Loc).Format("02/01/2006"))
		if strings.Contains(page.body, "Nếu không kịp trả kết quả ngày "+first.In(dossier.Loc).Format("02/01/2006")) {
			t.Error("prompt quotes the first appointment")
		}
	})
}
