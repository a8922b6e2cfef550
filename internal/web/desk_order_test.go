package web_test

import (
	"fmt"
	"testing"

	"github.com/congportal/cong/internal/dossier"
	"github.com/congportal/cong/internal/store"
	"github.com/congportal/cong/internal/testdb"
)

// 403 before 409 on the desk: a move the officer may never make is refused
// as forbidden even from a stale form or a status it does not apply to;
// the handler used to check the version (409) before anything else.
func TestDeskForbiddenBeforeConflict(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		oe := newOfficerEnv(t, s)
		d := oe.byToken(t, oe.submit(t, oe.validForm()))
		path := fmt.Sprintf("/quan-tri/ho-so/%d", d.ID)
		ba := oe.as(t, "motcuaa")
		ba.get(path)
		// Finishing is the specialist's move: the desk officer is refused
		// as such, from a status it does not apply to…
		wantCode(t, "desk finishes a new dossier", ba.post(path+"/chuyen", moveForm(d, dossier.ActFinish)), 403, "không có quyền")
		wantCode(t, "receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 303)
		// …and from a stale form.
		wantCode(t, "desk finishes from a stale form", ba.post(path+"/chuyen", moveForm(d, dossier.ActFinish)), 403, "không có quyền")
		// A move the officer may make still reports the stale form.
		wantCode(t, "stale receive", ba.post(path+"/chuyen", moveForm(d, dossier.ActReceive)), 409, "vừa được người khác cập nhật")
		if got := oe.reload(t, d.ID); got.Status != dossier.Received {
			t.Fatalf("status %d", got.Status)
		}
	})
}
