package web

import "time"

// Hooks for the black-box login tests (package web_test).

// SetClock replaces the login throttle's clock.
func SetClock(s *Server, now func() time.Time) { s.now = now }

// SetHashGate replaces the hashing gate with one of n slots and the given wait.
func SetHashGate(s *Server, n int, wait time.Duration) { s.hashes = newHashGate(n, wait) }

// FillHashGate takes every hashing slot, as a flood of logins would; the
// returned func gives them back.
func FillHashGate(s *Server) (release func()) {
	n := cap(s.hashes.slots)
	for range n {
		s.hashes.slots <- struct{}{}
	}
	return func() {
		for range n {
			<-s.hashes.slots
		}
	}
}
