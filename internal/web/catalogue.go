package web

import (
	"bytes"
	"net/http"
	"path/filepath"
	"strconv"
)

// catalogueDesk serves the public-service desk's catalogue: units and
// procedures, public and admin.
type catalogueDesk struct {
	s     *Server
	pub   templates
	admin templates
}

func (s *Server) newCatalogue() *catalogueDesk {
	return &catalogueDesk{s: s, pub: s.tmpl, admin: s.adminTmpl}
}

func (c *catalogueDesk) renderPublic(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := c.pub[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	splitLive(buf.Bytes()).write(w, status, &liveValues{stats: c.s.counterOf(r).Stats()})
	return nil
}

func (c *catalogueDesk) renderAdmin(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := c.admin[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

// templatesDir is where downloadable blank forms are kept: next to the media
// library in the data folder, outside any public path. Empty when the server
// has no data folder (uploads are then refused).
func (c *catalogueDesk) templatesDir() string {
	if c.s.mediaDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(c.s.mediaDir), "desk-templates")
}

func catIDParam(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, errNotFound()
	}
	return id, nil
}

func (c *catalogueDesk) newAdminPage(r *http.Request, title string) adminPage {
	p := c.s.newAdminPage(r, title)
	if f, ok := catalogueFlashes[r.URL.Query().Get("tb")]; ok {
		p.Flash = f
	}
	return p
}
