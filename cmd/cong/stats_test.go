package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// `cong stats rebuild` takes --data like the other subcommands, rebuilds
// the per-day rows from the dossiers and says how many it read; bad usage
// exits with status 2.
func TestStatsRebuildCommand(t *testing.T) {
	data := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"stats", "rebuild", "--data", data}, &out, io.Discard, noenv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "từ 0 hồ sơ") {
		t.Errorf("output %q", out.String())
	}
	for _, args := range [][]string{{"stats"}, {"stats", "tinh-lai"}, {"stats", "rebuild", "--data", data, "thua"}, {"stats", "rebuild", "--khong-co"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard, noenv); exitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
}
