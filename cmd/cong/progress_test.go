package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressTerminalAndPlain(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	now := t0
	var buf bytes.Buffer
	p := newProgress(&buf, "Đang nhập")
	p.tty, p.now = true, func() time.Time { return now }
	p.update(0, 200)
	now = t0.Add(10 * time.Second)
	p.update(50, 200)
	now = now.Add(10 * time.Millisecond)
	p.update(51, 200) // within 100 ms of the last draw: not redrawn
	now = t0.Add(40 * time.Second)
	p.update(200, 200)
	p.finish()
	want := "\r\033[KĐang nhập: 0/200 (0%)" +
		"\r\033[KĐang nhập: 50/200 (25%) · 5.0/giây · còn 0:30" +
		"\r\033[KĐang nhập: 200/200 (100%) · 5.0/giây · xong sau 0:40\n"
	if buf.String() != want {
		t.Errorf("terminal:\n%q\nwant\n%q", buf.String(), want)
	}

	buf.Reset()
	p = newProgress(&buf, "Đang nhập")
	now = t0
	p.now = func() time.Time { return now }
	for i := 0; i <= 1000; i++ {
		now = t0.Add(time.Duration(i) * 10 * time.Millisecond)
		p.update(i, 1000)
	}
	p.finish()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 10 || strings.Contains(buf.String(), "\r") || lines[9] != "Đang nhập: 1000/1000 (100%) · 100.0/giây · xong sau 0:10" {
		t.Errorf("plain: %q", lines)
	}
}
