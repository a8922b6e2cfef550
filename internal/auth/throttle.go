package auth

import (
	"strings"
	"time"
)

// LoginThrottle is the rule for password and second-factor guesses
// (DESIGN §11). Budgets are kept per (account, client network) and per
// client network, so a stranger who guesses from his own network uses up
// only his own budget: the owner, from another network, is never locked
// out. Across all networks an account only slows down: past AccountFree
// failures every further guess waits a few seconds more, up to
// AccountDelayMax, which keeps a distributed attack slow without handing
// anyone a way to shut the owner out.
type Throttle struct {
	Window            time.Duration // how long a failure counts
	PerAccountNetwork int           // guesses at one account from one network
	PerNetwork        int           // guesses at any account from one network
	AccountFree       int           // failures at one account, all networks, before delays start
	AccountDelayStep  time.Duration // each further failure waits this much longer …
	AccountDelayMax   time.Duration // … up to this
}

// LoginThrottle is the rule in force.
var LoginThrottle = Throttle{
	Window:            15 * time.Minute,
	PerAccountNetwork: 5,
	PerNetwork:        30,
	AccountFree:       10,
	AccountDelayStep:  2 * time.Second,
	AccountDelayMax:   30 * time.Second,
}

// AccountDelay is how long the attempt after the n-th failure at one
// account (all networks) must wait.
func (t Throttle) AccountDelay(n int) time.Duration {
	if n <= t.AccountFree {
		return 0
	}
	return min(time.Duration(n-t.AccountFree)*t.AccountDelayStep, t.AccountDelayMax)
}

// Throttle keys. The account name is normalised by the caller's store
// (case-folded); the separator cannot occur in a client key.
func AccountNetworkKey(account, network string) string {
	return "an|" + network + "|" + strings.ToLower(account)
}
func NetworkKey(network string) string { return "n|" + network }
func AccountKey(account string) string { return "a|" + strings.ToLower(account) }
