package web

import (
	"net/http"
	"net/url"
)

// Every statistics page and API names its period the same way: period= a
// month (2026-10), a quarter (2026-Q3) or a year (2026); from= and to= a
// range of days (YYYY-MM-DD), as the public API documents (DESIGN §3).
// Older links said ky= (period) and tu=, den= (from, to): pages redirect
// them to the new names, so a bookmark still opens the same figures and
// every page has one address; the API accepts both.

// oldPeriodNames maps each old parameter to its new name.
var oldPeriodNames = map[string]string{"ky": "period", "tu": "from", "den": "to"}

// periodQuery is a statistics request's period parameters, as typed.
type periodQuery struct {
	Period, From, To string
}

// readPeriod reads the period parameters; an old name counts when its new
// name is absent (a page never sees one: renamedPeriod redirected it).
func readPeriod(r *http.Request) periodQuery {
	q := r.URL.Query()
	get := func(name, old string) string {
		if v, ok := q[name]; ok && len(v) > 0 {
			return v[0]
		}
		return q.Get(old)
	}
	return periodQuery{Period: get("period", "ky"), From: get("from", "tu"), To: get("to", "den")}
}

// renamedPeriod answers a statistics page's request that uses an old
// parameter name with a permanent redirect to the new names; the other
// parameters are kept.
func renamedPeriod(next handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		q := r.URL.Query()
		moved := false
		for old, name := range oldPeriodNames {
			vs, ok := q[old]
			if !ok {
				continue
			}
			if _, both := q[name]; !both {
				q[name] = vs
			}
			delete(q, old)
			moved = true
		}
		if !moved {
			return next(w, r)
		}
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
		return nil
	}
}
