package web

import (
	"net/http"

	"github.com/congportal/cong/internal/media"
	"github.com/congportal/cong/internal/store"
)

// mediaPickerItem is one image as the editor's image dialog lists it: the
// address to insert, a thumbnail to choose by, and the alt text and caption
// the library already holds so the editor need not type them again.
type mediaPickerItem struct {
	ID      int64  `json:"id"`
	Src     string `json:"src"`
	Thumb   string `json:"thumb"`
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
	Name    string `json:"name"`
	Width   int    `json:"width,omitempty"`
	Height  int    `json:"height,omitempty"`
}

const mediaPickerLimit = 24

// mediaPicker: GET /quan-tri/thu-vien.json?q=, the newest images of this
// site matching q (file name, alt text or caption), for the image dialog.
// Same guard as the library page: staff who may upload media.
func (s *Server) mediaPicker(w http.ResponseWriter, r *http.Request) error {
	q := cleanText(r.URL.Query().Get("q"), 100)
	list, total, err := s.st.ListMedia(r.Context(), store.MediaFilter{SiteID: s.siteIDOf(r), Kind: string(media.KindImage), Query: q, Limit: mediaPickerLimit})
	if err != nil {
		return err
	}
	out := struct {
		Items []mediaPickerItem `json:"items"`
		Total int               `json:"total"`
	}{Items: make([]mediaPickerItem, 0, len(list)), Total: total}
	for _, m := range list {
		it := mediaPickerItem{ID: m.ID, Src: mediaSrc(m), Thumb: mediaURL(m, 0), Alt: m.Alt, Caption: m.Caption, Name: m.OriginalName, Width: m.Width, Height: m.Height}
		if len(m.Widths) > 0 {
			it.Thumb = mediaURL(m, m.Widths[0])
		}
		out.Items = append(out.Items, it)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, out)
	return nil
}
