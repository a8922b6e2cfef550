package backup

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/congportal/cong/internal/store"
)

// Stats are the scheduler's results, read by /metrics.
type Stats struct {
	LastSuccess atomic.Int64 // Unix seconds of the last good backup, 0 if none
	LastBytes   atomic.Int64 // size of that archive
	LastSeconds atomic.Int64 // how long it took, in milliseconds
	Successes   atomic.Int64
	Failures    atomic.Int64
}

// Scheduler takes a backup into <data>/backups every Every and keeps the
// newest Keep of them.
type Scheduler struct {
	Store   *store.Store
	DataDir string
	Every   time.Duration
	Keep    int
	Version string
	Logger  *slog.Logger
	Stats   *Stats
}

// Run takes backups until ctx ends. The first one is taken one interval
// after start, not at start, so a crash loop cannot fill the disk.
func (s *Scheduler) Run(ctx context.Context) {
	t := time.NewTicker(s.Every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.Once(ctx)
		}
	}
}

// Once takes one backup and rotates; failures are logged and counted, and
// the next tick tries again.
func (s *Scheduler) Once(ctx context.Context) error {
	start := time.Now()
	dir := filepath.Join(s.DataDir, BackupsDir)
	err := os.MkdirAll(dir, 0o750)
	var m *Manifest
	dest := filepath.Join(dir, ScheduledName(start))
	if err == nil {
		m, err = Create(ctx, s.Store, s.DataDir, dest, s.Version)
	}
	if err != nil {
		s.Stats.Failures.Add(1)
		s.Logger.Error("scheduled backup failed", "err", err)
		return err
	}
	var size int64
	if fi, err := os.Stat(dest); err == nil {
		size = fi.Size()
	}
	s.Stats.Successes.Add(1)
	s.Stats.LastSuccess.Store(time.Now().Unix())
	s.Stats.LastBytes.Store(size)
	s.Stats.LastSeconds.Store(time.Since(start).Milliseconds())
	s.Logger.Info("scheduled backup written", "file", dest, "files", len(m.Files), "bytes", size, "took", time.Since(start).Round(time.Millisecond))
	removed, err := Rotate(dir, s.Keep)
	for _, r := range removed {
		s.Logger.Info("old backup removed", "file", r)
	}
	if err != nil {
		s.Logger.Warn("backup rotation", "err", err)
	}
	return nil
}
