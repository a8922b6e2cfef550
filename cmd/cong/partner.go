package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/partner"
	"github.com/congportal/cong/internal/store"
)

// How often each instance looks for due partner rows, and prunes old
// delivered ones. Every instance runs the workers: leases in the database
// make that safe.
const (
	partnerEvery = 10 * time.Second
	pruneEvery   = 6 * time.Hour
)

// startPartners turns on the recording of the configured partner channels
// and runs their workers until ctx ends; the returned channel is closed
// when they have stopped. The flags were validated by config.Validate.
func startPartners(ctx context.Context, c *config.Config, st *store.Store, log *slog.Logger) (<-chan struct{}, error) {
	var workers []*partner.Worker
	if c.SyncURL != "" {
		h, err := c.SyncHTTP()
		if err != nil {
			return nil, err
		}
		t, err := partner.NewHTTPSync(h)
		if err != nil {
			return nil, err
		}
		workers = append(workers, &partner.Worker{Channel: partner.Sync, Queue: st, Target: t, Log: log})
		log.Info("national portal sync on", "url", c.SyncURL, "client_cert", c.SyncClientCert != "", "token", h.Token != "")
	}
	if c.SMSURL != "" {
		h, err := c.SMSHTTP()
		if err != nil {
			return nil, err
		}
		t, err := partner.NewHTTPSMS(h, c.SMSBrand, c.SMSASCII, c.BaseURL+"/tra-cuu")
		if err != nil {
			return nil, err
		}
		// A text that comes a day late is worse than none: fewer tries.
		workers = append(workers, &partner.Worker{Channel: partner.SMS, Queue: st, Target: t, Log: log, MaxAttempts: 10})
		log.Info("SMS notifications on", "url", c.SMSURL, "brand", c.SMSBrand, "ascii", c.SMSASCII)
	}
	st.SetPartners(store.Partners{Sync: c.SyncURL != "", SMS: c.SMSURL != ""})
	done := make(chan struct{})
	go func() {
		defer close(done)
		finished := make(chan struct{}, len(workers))
		for _, w := range workers {
			go func() { w.Run(ctx, partnerEvery); finished <- struct{}{} }()
		}
		if c.PartnerKeep > 0 {
			t := time.NewTicker(pruneEvery)
			defer t.Stop()
		prune:
			for {
				if n, err := st.PrunePartner(ctx, time.Now().Add(-c.PartnerKeep)); err != nil && ctx.Err() == nil {
					log.Warn("partner outbox prune", "err", err)
				} else if n > 0 {
					log.Info("partner outbox pruned", "rows", n)
				}
				select {
				case <-ctx.Done():
					break prune
				case <-t.C:
				}
			}
		}
		for range workers {
			<-finished
		}
	}()
	return done, nil
}
