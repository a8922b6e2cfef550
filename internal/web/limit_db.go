package web

import (
	"net/http"
	"strconv"
	"time"
)

// dbRule is a limit that must hold across instances, so it is counted in
// the database (store.ReserveHit): n requests per client key (IPv4 address
// or IPv6 /64) in each fixed window.
type dbRule struct {
	scope  string
	n      int
	window time.Duration
}

var (
	// Recovering a private link: a citizen who mistypes needs a few tries;
	// the per-dossier budget (dossier.RecoveryBudget) is the real brake on
	// guessing.
	recoverRule = dbRule{scope: "recover", n: 10, window: time.Hour}
	// Submissions: generous, since a commune's office wifi puts many
	// citizens behind one address; it only stops floods.
	submitRule = dbRule{scope: "submit", n: 60, window: time.Minute}
)

// errRateLimited is the 429 with how long to wait, in Vietnamese.
func errRateLimited(wait time.Duration) *Error {
	mins := int((wait + time.Minute - 1) / time.Minute)
	return &Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
		Message: "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau " + strconv.Itoa(mins) + " phút."}
}

// dbLimit reserves one hit of the rule for the request's client and
// refuses with 429 and Retry-After when it is over the limit. The hit is
// reserved before any work, so parallel requests cannot all slip through.
func (c *citizenDesk) dbLimit(w http.ResponseWriter, r *http.Request, rule dbRule) error {
	hits, left, err := c.s.st.ReserveHit(r.Context(), rule.scope, c.s.clientKey(r), rule.window, time.Now())
	if err != nil {
		return err
	}
	if hits <= rule.n {
		return nil
	}
	w.Header().Set("Retry-After", strconv.Itoa(int((left+time.Second-1)/time.Second)))
	return errRateLimited(left)
}
