package web

import (
	"mime"
	"net/http"
	"time"

	"github.com/congportal/cong/internal/store"
)

// apiMedia is the JSON shape of a library file. url is absolute (for
// download); srcset and html use paths, as article bodies do, so content
// keeps working if the portal's address changes.
type apiMedia struct {
	ID        int64  `json:"id"`
	URL       string `json:"url"`
	Path      string `json:"path"`
	Kind      string `json:"kind"`
	Mime      string `json:"mime"`
	Size      int64  `json:"size"`
	Width     int    `json:"width,omitempty"`
	Height    int    `json:"height,omitempty"`
	Alt       string `json:"alt,omitempty"`
	Caption   string `json:"caption,omitempty"`
	Name      string `json:"name"`
	Src       string `json:"src,omitempty"`
	Srcset    string `json:"srcset,omitempty"`
	HTML      string `json:"html"`
	Existing  bool   `json:"existing"` // the same file was already in the library
	CreatedAt string `json:"created_at"`
}

func (s *Server) toAPIMedia(r *http.Request, m store.Media, existing bool) apiMedia {
	out := apiMedia{ID: m.ID, URL: s.baseURLOf(r) + mediaURL(m, 0), Path: mediaURL(m, 0), Kind: m.Kind, Mime: m.Mime, Size: m.Size,
		Width: m.Width, Height: m.Height, Alt: m.Alt, Caption: m.Caption, Name: m.OriginalName, Srcset: mediaSrcset(m),
		HTML: mediaHTML(m), Existing: existing, CreatedAt: m.CreatedAt.In(s.loc).Format(time.RFC3339)}
	if m.Kind == "image" {
		out.Src = mediaSrc(m)
	}
	return out
}

// apiUploadMedia is POST /api/v1/media: a multipart form with "file" and,
// for images, "alt" (and optionally "caption"). 201 with the new file, or
// 200 with the existing one when the site already has the same file.
func (s *Server) apiUploadMedia(w http.ResponseWriter, r *http.Request) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "Gửi tệp dạng multipart/form-data, với trường file (và alt, mô tả ảnh, bắt buộc với ảnh)."}
	}
	if err := r.ParseMultipartForm(maxFormBytes); err != nil {
		return errBadRequest("Không đọc được dữ liệu multipart gửi lên.")
	}
	defer r.MultipartForm.RemoveAll()
	in, err := readUpload(r)
	if err != nil {
		return err
	}
	m, created, err := s.storeUpload(r, in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", s.baseURLOf(r)+mediaURL(m, 0))
	}
	writeJSON(w, status, s.toAPIMedia(r, m, !created))
	return nil
}
