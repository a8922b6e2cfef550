package web

import (
	"encoding/hex"
	"errors"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/congportal/cong/internal/citizen"
	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
)

// The citizen's data store (kho dữ liệu) on the submission form and its
// own page: papers submitted before and results issued, reused in a new
// dossier with a click (the officer sees "tái sử dụng"), listed and
// deleted by the citizen.

// fillForCitizen prepares the submission form for a signed-in citizen:
// the fields from the identity (only on a fresh form: a returned form
// keeps what was typed) and the papers that can be reused.
func (c *citizenDesk) fillForCitizen(r *http.Request, p *citizenPage, fresh bool) error {
	cs := citizenFrom(r.Context())
	if cs == nil {
		return nil
	}
	p.Who = &cs.c
	if fresh {
		for k, v := range citizen.Prefill(cs.c) {
			p.In[k] = v
		}
	}
	papers, err := c.s.st.CitizenPapers(r.Context(), c.s.siteIDOf(r), cs.c.ID)
	if err != nil || len(papers) == 0 {
		return err
	}
	p.Reuse = map[int64][]store.Paper{}
	for _, comp := range p.Proc.Components {
		// The papers kept for a component of this name come first.
		var same, other []store.Paper
		for _, pp := range papers {
			if strings.EqualFold(pp.Label, comp.Name) {
				same = append(same, pp)
			} else {
				other = append(other, pp)
			}
		}
		p.Reuse[comp.ID] = append(same, other...)
	}
	return nil
}

// paperReuse takes papers from the store into a submission.
type paperReuse struct {
	c     *citizenDesk
	r     *http.Request
	fs    *formStream
	who   *citizenSession
	links []string
}

func (c *citizenDesk) reuser(r *http.Request, fs *formStream) *paperReuse {
	return &paperReuse{c: c, r: r, fs: fs, who: citizenFrom(r.Context())}
}

// take returns the paper chosen for the component as an upload, or a
// message when the choice cannot be honoured (the paper was deleted
// meanwhile, or is not the citizen's): the form comes back with the other
// files kept, and nothing of another citizen is named.
func (pr *paperReuse) take(p *citizenPage, componentID int64, field string) (dossierUpload, string, bool) {
	key := "reuse_" + strconv.FormatInt(componentID, 10)
	v := strings.TrimSpace(pr.fs.get(key))
	if v == "" || pr.who == nil {
		return dossierUpload{}, "", false
	}
	p.In[key] = v
	gone := "Giấy tờ bạn chọn dùng lại từ kho dữ liệu không còn (có thể vừa bị xóa). Vui lòng chọn tệp để tải lên cho mục này; các thông tin khác vẫn được giữ."
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return dossierUpload{}, gone, false
	}
	pp, err := pr.c.s.st.CitizenPaper(pr.r.Context(), pr.c.s.siteIDOf(pr.r), pr.who.c.ID, id)
	if err != nil {
		if !errors.Is(err, store.ErrPaperGone) {
			pr.c.s.log.Error("reading a kept paper", "err", err)
		}
		delete(p.In, key)
		return dossierUpload{}, gone, false
	}
	sum, err := hex.DecodeString(pp.SHA256)
	src, ok := storedPath(pr.c.s.dossierDir(), pp.StoredName)
	if err != nil || len(sum) != 32 || !ok {
		return dossierUpload{}, gone, false
	}
	tmp, err := linkOrCopy(src, pr.c.s.uploadTempDir())
	if err != nil {
		pr.c.s.log.Warn("reusing a kept paper", "paper", pp.ID, "err", err)
		return dossierUpload{}, gone, false
	}
	pr.links = append(pr.links, tmp)
	up := dossierUpload{field: field, name: pp.Name, typ: media.Type{Mime: pp.Mime}, tmp: tmp, size: pp.Size}
	copy(up.sum[:], sum)
	return up, "", true
}

// close removes the copies that did not become a dossier's files (those
// that did were moved away, and removing them fails harmlessly).
func (pr *paperReuse) close() {
	for _, t := range pr.links {
		os.Remove(t)
	}
}

// storedPath is a stored file's path under dir, refusing names that would
// leave it.
func storedPath(dir, stored string) (string, bool) {
	if dir == "" || stored == "" || strings.Contains(stored, "..") || strings.HasPrefix(stored, "/") || strings.Contains(stored, `\`) {
		return "", false
	}
	return filepath.Join(dir, filepath.FromSlash(stored)), true
}

// papers lists the citizen's data store.
func (c *citizenDesk) papers(w http.ResponseWriter, r *http.Request) error {
	p := c.accountPage(r)
	var err error
	if p.Papers, err = c.s.st.CitizenPapers(r.Context(), c.s.siteIDOf(r), p.Who.ID); err != nil {
		return err
	}
	p.Flash = citizenFlashes[r.URL.Query().Get("tb")]
	return c.render(w, http.StatusOK, "citizen_papers", p)
}

func (c *citizenDesk) paperOf(r *http.Request) (store.Paper, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return store.Paper{}, errNotFound()
	}
	pp, err := c.s.st.CitizenPaper(r.Context(), c.s.siteIDOf(r), citizenFrom(r.Context()).c.ID, id)
	if errors.Is(err, store.ErrPaperGone) {
		return pp, errNotFound()
	}
	return pp, err
}

// paperFile downloads a kept paper, as an attachment like every dossier file.
func (c *citizenDesk) paperFile(w http.ResponseWriter, r *http.Request) error {
	pp, err := c.paperOf(r)
	if err != nil {
		return err
	}
	fh, err := openDossierFile(c.s.dossierDir(), pp.StoredName)
	if err != nil {
		return errNotFound()
	}
	defer fh.Close()
	h := w.Header()
	h.Set("Content-Type", pp.Mime)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": pp.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	http.ServeContent(w, r, "", pp.CreatedAt, fh)
	return nil
}

// deletePaper removes a paper from the store; the dossier it came with
// keeps its file.
func (c *citizenDesk) deletePaper(w http.ResponseWriter, r *http.Request) error {
	pp, err := c.paperOf(r)
	if err != nil {
		return err
	}
	err = c.s.st.DeleteCitizenPaper(r.Context(), c.s.siteIDOf(r), citizenFrom(r.Context()).c.ID, pp.ID)
	if err != nil && !errors.Is(err, store.ErrPaperGone) {
		return err
	}
	http.Redirect(w, r, "/cong-dan/kho-du-lieu?tb=xoa-giay-to", http.StatusSeeOther)
	return nil
}
