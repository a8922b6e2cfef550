package web

import (
	"context"
	"os"
	"path/filepath"
	"time"
)

// A crash (or kill -9) between spooling an upload and moving it into place
// leaves its temporary file behind. They are removed at start-up and then
// every sweepEvery, once older than uploadTempMaxAge: an upload still
// arriving (on this instance or another sharing the folder) keeps writing
// its file, so its age stays small.
const (
	uploadTempMaxAge = time.Hour
	sweepEvery       = 10 * time.Minute
)

// SweepUploads removes orphan upload files now and on a timer until ctx ends.
func (s *Server) SweepUploads(ctx context.Context) {
	dir := s.uploadTempDir()
	if dir == "" {
		return
	}
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		if n, err := sweepUploadTemp(dir, time.Now().Add(-uploadTempMaxAge)); err != nil {
			s.log.Warn("removing orphan uploads", "dir", dir, "err", err)
		} else if n > 0 {
			s.log.Info("orphan uploads removed", "count", n, "dir", dir)
		}
		if n, err := s.sweepPending(ctx, time.Now()); err != nil {
			s.log.Warn("removing expired kept uploads", "err", err)
		} else if n > 0 {
			s.log.Info("expired kept uploads removed", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sweepUploadTemp removes the spooled uploads in dir last written before
// cutoff; nothing else in the folder is touched.
func sweepUploadTemp(dir string, cutoff time.Time) (int, error) {
	names, err := filepath.Glob(filepath.Join(dir, uploadTempPattern))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		fi, err := os.Lstat(name)
		if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Before(cutoff) {
			continue
		}
		if os.Remove(name) == nil {
			n++
		}
	}
	return n, nil
}
