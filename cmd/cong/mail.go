package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/congportal/cong/internal/config"
	"github.com/congportal/cong/internal/mail"
	"github.com/congportal/cong/internal/store"
)

// How often each instance looks for due mail and for dossiers becoming near
// due. Every instance runs both: claims and dedupe keys in the database make
// that safe, and a stopped instance leaves nothing undone.
const (
	mailEvery    = 15 * time.Second
	nearDueEvery = 5 * time.Minute
)

// startMail runs the outbox worker until ctx ends; the returned channel is
// closed when it has stopped (an attempt in flight is cut short and retried
// later, see mail.Worker). The flags were validated by config.Validate.
func startMail(ctx context.Context, c *config.Config, st *store.Store, log *slog.Logger) <-chan struct{} {
	w := &mail.Worker{Queue: st, BaseURL: c.BaseURL, Log: log}
	if c.SMTPURL != "" {
		snd, _ := mail.ParseURL(c.SMTPURL)
		w.Sender = snd
		w.From, _ = mail.ParseFrom(c.MailFrom)
		log.Info("mail notifications on", "relay", snd.String(), "from", w.From.Address)
	}
	done := make(chan struct{})
	go func() { w.Run(ctx, mailEvery, nearDueEvery); close(done) }()
	return done
}
