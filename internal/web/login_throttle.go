package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/congportal/cong/internal/auth"
)

// guess is one reserved password or code attempt (auth.LoginThrottle):
// taken before the expensive check, given back when it was right.
type guess struct {
	account, network string
}

// throttled says why a guess was not taken and for how long.
type throttled struct {
	retry time.Duration
	slow  bool // the account's short delay, not this network's budget
}

// retryAfter is the Retry-After value in whole seconds, at least 1.
func (t *throttled) retryAfter() string {
	return strconv.Itoa(max(1, int((t.retry+time.Second-1)/time.Second)))
}

// message tells the person what happened and when to come back; did is
// what they got wrong ("đăng nhập sai", "nhập sai mật khẩu", …).
func (t *throttled) message(did string) string {
	if t.slow {
		return fmt.Sprintf("Tài khoản này vừa bị nhập sai nhiều lần. Vì an toàn, vui lòng chờ %s giây rồi thử lại.", t.retryAfter())
	}
	wait := t.retryAfter() + " giây"
	if t.retry > time.Minute {
		wait = strconv.Itoa(int((t.retry+time.Minute-1)/time.Minute)) + " phút"
	}
	return fmt.Sprintf("Bạn đã %s quá nhiều lần. Vì an toàn, vui lòng thử lại sau %s hoặc liên hệ quản trị viên.", did, wait)
}

// reserveGuess counts one guess at account from r's client network against
// the network's budget, the (account, network) budget and the account's
// delay, in that order, so a guess refused by its own network's budget
// never slows the account down for its owner elsewhere. Each step is one
// atomic statement: parallel guesses are counted before any is verified.
func (s *Server) reserveGuess(r *http.Request, account string) (*guess, *throttled, error) {
	ctx, now, th := r.Context(), s.now(), auth.LoginThrottle
	g := &guess{account: account, network: s.clientKey(r)}
	// A flood of failures from many networks adds rows that no success
	// would purge; every so often the expired ones go.
	if s.tries.Add(1)%64 == 0 {
		if err := s.st.PurgeAttempts(ctx, th.Window, now); err != nil {
			return nil, nil, err
		}
	}
	ok, retry, err := s.st.ReserveAttempt(ctx, auth.NetworkKey(g.network), th.PerNetwork, th.Window, now)
	if err != nil || !ok {
		return nil, &throttled{retry: retry}, err
	}
	ok, retry, err = s.st.ReserveAttempt(ctx, auth.AccountNetworkKey(account, g.network), th.PerAccountNetwork, th.Window, now)
	if err != nil || !ok {
		return nil, &throttled{retry: retry}, err
	}
	ok, retry, err = s.st.ReserveSlowAttempt(ctx, auth.AccountKey(account), th.AccountFree, th.AccountDelayStep, th.AccountDelayMax, th.Window, now)
	if err != nil || !ok {
		return nil, &throttled{retry: retry, slow: true}, err
	}
	return g, nil, nil
}

// guessRight gives the guess back: the (account, network) budget starts afresh,
// and the network and account counters keep counting failures only.
func (s *Server) guessRight(r *http.Request, g *guess) {
	ctx := r.Context()
	for _, err := range []error{
		s.st.ClearAttempts(ctx, auth.AccountNetworkKey(g.account, g.network)),
		s.st.ReleaseAttempt(ctx, auth.NetworkKey(g.network)),
		s.st.ReleaseAttempt(ctx, auth.AccountKey(g.account)),
		s.st.PurgeAttempts(ctx, auth.LoginThrottle.Window, s.now()),
	} {
		if err != nil {
			s.log.Warn("login throttle bookkeeping", "err", err)
		}
	}
}

// header sets Retry-After and returns the status of a throttled answer, 429.
func (t *throttled) header(w http.ResponseWriter) int {
	w.Header().Set("Retry-After", t.retryAfter())
	return http.StatusTooManyRequests
}
