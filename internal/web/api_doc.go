package web

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

// The API's description is one checked-in OpenAPI 3.1 file rather than
// something generated from handlers: the handlers keep their own shapes, and
// TestOpenAPIMatchesRoutes holds the file to the route table so the two cannot
// drift apart unnoticed.
//
//go:embed openapi.json
var openAPIDoc []byte

// apiDocOp is one operation as the /api page shows it.
type apiDocOp struct {
	Method, Path, Summary, Description string
	Auth                               bool
	Params                             []apiDocParam
	Body                               string
	Statuses                           []string
	Anchor                             string
}

type apiDocParam struct {
	Name, In, Type, Description string
	Required                    bool
}

type apiDocView struct {
	Title, Description string
	Ops                []apiDocOp
}

// openAPIFile is the part of the document the page reads.
type openAPIFile struct {
	Info struct {
		Title       string `json:"title"`
		Description string `json:"description"`
	} `json:"info"`
	Paths      map[string]map[string]openAPIOp `json:"paths"`
	Components struct {
		Parameters map[string]openAPIParam `json:"parameters"`
	} `json:"components"`
}

type openAPIOp struct {
	Summary     string                `json:"summary"`
	Description string                `json:"description"`
	Parameters  []openAPIParam        `json:"parameters"`
	Security    []map[string][]string `json:"security"`
	RequestBody *struct {
		Content map[string]json.RawMessage `json:"content"`
	} `json:"requestBody"`
	Responses map[string]json.RawMessage `json:"responses"`
}

type openAPIParam struct {
	Ref         string `json:"$ref"`
	Name        string `json:"name"`
	In          string `json:"in"`
	Required    bool   `json:"required"`
	Description string `json:"description"`
	Schema      struct {
		Type string `json:"type"`
	} `json:"schema"`
}

var httpMethodOrder = []string{"get", "post", "put", "patch", "delete"}

// parseAPIDoc turns the embedded document into the page's view, operations
// in path order then method order, so a reader finds a resource's reads and
// writes together.
func parseAPIDoc(raw []byte) (apiDocView, error) {
	var f openAPIFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return apiDocView{}, err
	}
	v := apiDocView{Title: f.Info.Title, Description: f.Info.Description}
	paths := make([]string, 0, len(f.Paths))
	for p := range f.Paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		for _, m := range httpMethodOrder {
			o, ok := f.Paths[p][m]
			if !ok {
				continue
			}
			op := apiDocOp{Method: strings.ToUpper(m), Path: p, Summary: o.Summary, Description: o.Description, Auth: len(o.Security) > 0}
			op.Anchor = strings.ToLower(op.Method) + strings.NewReplacer("/", "-", "{", "", "}", "").Replace(p)
			for _, prm := range o.Parameters {
				if name, ok := strings.CutPrefix(prm.Ref, "#/components/parameters/"); ok {
					prm = f.Components.Parameters[name]
				}
				op.Params = append(op.Params, apiDocParam{Name: prm.Name, In: prm.In, Type: prm.Schema.Type, Description: prm.Description, Required: prm.Required})
			}
			if o.RequestBody != nil {
				for ct := range o.RequestBody.Content {
					op.Body = ct
				}
			}
			for st := range o.Responses {
				op.Statuses = append(op.Statuses, st)
			}
			slices.Sort(op.Statuses)
			v.Ops = append(v.Ops, op)
		}
	}
	return v, nil
}

// apiOpenAPI: GET /api/v1/openapi.json.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_, err := w.Write(openAPIDoc)
	return err
}

// apiDocPage: GET /api, the same document for people, rendered on the
// server so it needs no script from anywhere.
func (s *Server) apiDocPage(w http.ResponseWriter, r *http.Request) error {
	v, err := parseAPIDoc(openAPIDoc)
	if err != nil {
		return err
	}
	p := s.basePage(r.Context())
	p.Canonical = s.baseURLOf(r) + "/api"
	p.Description = "Tài liệu API JSON của " + p.Site.Name + ": các đường dẫn, tham số và mã lỗi."
	p.APIDoc = &v
	return s.renderTo(w, r, http.StatusOK, "api_doc", p)
}
