package config

import (
	"flag"
	"testing"
	"time"
)

func TestMaxHashingFlag(t *testing.T) {
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	ServeFlags(fs, &c)
	if err := Parse(fs, nil, func(k string) string { return map[string]string{"CONG_MAX_HASHING": "3"}[k] }); err != nil {
		t.Fatal(err)
	}
	if c.MaxHashing != 3 {
		t.Fatalf("CONG_MAX_HASHING=3 gave %d", c.MaxHashing)
	}
	c = Config{BaseURL: "https://cong.example.vn", FlushInterval: time.Second, BackupKeep: 1, MaxHashing: -1}
	if err := c.Validate(); err == nil {
		t.Error("negative --max-hashing must be refused")
	}
}
