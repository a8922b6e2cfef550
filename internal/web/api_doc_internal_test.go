package web

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// apiRoutes lists "METHOD /api/v1/..." for every API route in the table.
func apiRoutes(t *testing.T) []string {
	t.Helper()
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, rt := range s.routeTable(s.newSections()) {
		method, path, ok := strings.Cut(rt.pattern, " ")
		if !ok || !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		out = append(out, method+" "+path)
	}
	slices.Sort(out)
	return out
}

// documented lists "METHOD path" for every operation in the document.
func documented(t *testing.T) []string {
	t.Helper()
	var f struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &f); err != nil {
		t.Fatal(err)
	}
	var out []string
	for p, ops := range f.Paths {
		for m := range ops {
			if m == "parameters" || m == "summary" || m == "description" {
				continue
			}
			out = append(out, strings.ToUpper(m)+" "+p)
		}
	}
	slices.Sort(out)
	return out
}

// The document and the route table must list the same operations: a route
// added without documentation, or documentation left behind by a removed
// route, fails here.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	routes, docs := apiRoutes(t), documented(t)
	if len(routes) < 20 {
		t.Fatalf("only %d API routes found in the table: %v", len(routes), routes)
	}
	for _, r := range routes {
		if !slices.Contains(docs, r) {
			t.Errorf("route %q is not in openapi.json", r)
		}
	}
	for _, d := range docs {
		if !slices.Contains(routes, d) {
			t.Errorf("openapi.json documents %q, which is not a route", d)
		}
	}
}

// Path parameters named in a path must be declared, and the other way
// round: the validator below checks this too, but a mismatch with the
// route's own wildcard names is what would mislead a client.
func TestOpenAPIValid(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openAPIDoc)
	if err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi version %q, want 3.1.0", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	v, err := parseAPIDoc(openAPIDoc)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Ops) != len(documented(t)) {
		t.Errorf("page shows %d operations, document has %d", len(v.Ops), len(documented(t)))
	}
	for _, op := range v.Ops {
		if op.Summary == "" {
			t.Errorf("%s %s has no summary", op.Method, op.Path)
		}
		for _, p := range op.Params {
			if p.Name == "" {
				t.Errorf("%s %s has a parameter with no name (unresolved $ref?)", op.Method, op.Path)
			}
		}
	}
}
