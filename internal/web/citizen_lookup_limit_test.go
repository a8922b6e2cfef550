package web

import (
	"fmt"
	"testing"
	"time"
)

func TestRateLimiterRefillsAndBounds(t *testing.T) {
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	l := newRateLimiter(30, time.Minute)
	l.now = func() time.Time { return now }
	for i := 0; i < 30; i++ {
		if !l.allow("1.2.3.4") {
			t.Fatalf("request %d refused", i+1)
		}
	}
	if l.allow("1.2.3.4") {
		t.Fatal("31st request in a minute allowed")
	}
	if !l.allow("5.6.7.8") {
		t.Fatal("another client shares the bucket")
	}
	now = now.Add(2 * time.Second) // one token back (30 a minute)
	if !l.allow("1.2.3.4") || l.allow("1.2.3.4") {
		t.Fatal("refill is not one token per 2 s")
	}
	now = now.Add(time.Hour) // a full bucket, not 1800 tokens
	for i := 0; i < 30; i++ {
		l.allow("1.2.3.4")
	}
	if l.allow("1.2.3.4") {
		t.Fatal("bucket grew past its size while idle")
	}
	// Idle clients are forgotten when the map is full.
	for i := 0; i < maxBuckets; i++ {
		l.allow(fmt.Sprint(i))
	}
	now = now.Add(time.Hour)
	l.allow("new")
	if len(l.buckets) > 2 {
		t.Fatalf("%d buckets kept after the sweep", len(l.buckets))
	}
}
