package web

import (
	"sync"

	"github.com/congportal/cong/internal/forms"
)

// issuedForms keeps the last PDFs drawn from issued forms. A snapshot
// never changes once recorded, so its PDF never goes stale: the cache only
// spares the CPU (drawing a form parses the embedded fonts, about 70 ms and
// 20 MB of garbage) when the same form is opened again and again, e.g. a
// citizen reloading the private link. It is per process and small; every
// instance draws the same bytes, so nothing has to agree across instances,
// and nothing is kept on disk that could disagree with the database.
var issuedForms = &formCache{max: 32, m: map[formKey][]byte{}}

type formKey struct {
	s    *Server // tests run many servers over different databases
	id   int64
	base string
	// The retention job rewrites a snapshot once (personal fields
	// erased): the name is part of the key so no PDF drawn before that
	// is served after it.
	who string
}

type formCache struct {
	mu    sync.Mutex
	max   int
	m     map[formKey][]byte
	order []formKey
}

// pdf returns the cached PDF of the issued form id, drawing it on a miss.
func (c *formCache) pdf(s *Server, base string, id int64, d forms.Data) ([]byte, error) {
	k := formKey{s, id, base, d.ApplicantName}
	c.mu.Lock()
	b, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := forms.Render(d, forms.Options{BaseURL: base})
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; !ok {
		if len(c.order) >= c.max {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
		c.m[k] = b
		c.order = append(c.order, k)
	}
	return b, nil
}
