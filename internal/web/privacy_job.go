package web

import (
	"context"
	"time"
)

// PrivacyJobs runs the personal-data housekeeping until ctx ends: erasing
// closed dossiers' personal data past each site's retention period, and
// pruning expired rate-limit windows. Every instance may run it: the
// erasure of each dossier is guarded in the database, so two instances
// never erase twice, and a stopped instance leaves nothing half done.
func (s *Server) PrivacyJobs(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.privacyPass(ctx, time.Now())
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (s *Server) privacyPass(ctx context.Context, now time.Time) {
	if res, err := s.st.ErasePersonalData(ctx, now, s.dossierDir()); err != nil {
		s.log.Warn("personal data erasure", "err", err)
	} else if res.Dossiers > 0 {
		s.log.Info("personal data erased after the retention period", "dossiers", res.Dossiers, "files", res.Files)
	}
	if _, err := s.st.PruneRateHits(ctx, now); err != nil {
		s.log.Warn("rate limit pruning", "err", err)
	}
	// Citizens' expired sign-in codes, OpenID sign-ins and sessions.
	if err := s.st.PruneCitizenAuth(ctx, now); err != nil {
		s.log.Warn("citizen sign-in pruning", "err", err)
	}
}
