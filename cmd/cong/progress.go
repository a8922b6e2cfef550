package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress reports a long command's advance on stderr. On a terminal one
// line is redrawn in place (done/total, rate, time left), at most ten times
// a second; anywhere else (a log file, systemd, a pipe) a plain line is
// written at every tenth of the way, so logs stay readable. A dozen lines of
// our own rather than a module: the two candidates (schollz/progressbar,
// vbauerster/mpb) bring terminal-size and ANSI handling we do not need for
// one line of text.
type progress struct {
	w       io.Writer
	label   string
	tty     bool
	start   time.Time
	last    time.Time
	lastTen int
	drawn   bool
	now     func() time.Time
}

func newProgress(w io.Writer, label string) *progress {
	return &progress{w: w, label: label, tty: isTerminal(w), now: time.Now}
}

// isTerminal: a character device (a tty) rather than a file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// update is called with how much is done of how much.
func (p *progress) update(done, total int) {
	now := p.now()
	if p.start.IsZero() {
		p.start = now
	}
	if total <= 0 {
		return
	}
	if p.tty {
		if done < total && now.Sub(p.last) < 100*time.Millisecond {
			return
		}
		p.last = now
		fmt.Fprintf(p.w, "\r\033[K%s", p.line(done, total, now))
		p.drawn = true
		return
	}
	ten := done * 10 / total
	if ten == p.lastTen {
		return
	}
	p.lastTen = ten
	fmt.Fprintln(p.w, p.line(done, total, now))
}

func (p *progress) line(done, total int, now time.Time) string {
	s := fmt.Sprintf("%s: %d/%d (%d%%)", p.label, done, total, done*100/total)
	el := now.Sub(p.start)
	if done > 0 && el > 0 {
		rate := float64(done) / el.Seconds()
		s += fmt.Sprintf(" · %.1f/giây", rate)
		if done < total {
			left := time.Duration(float64(total-done) / rate * float64(time.Second))
			s += " · còn " + clock(left)
		} else {
			s += " · xong sau " + clock(el)
		}
	}
	return s
}

// clock writes a duration as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	sec := int(d.Round(time.Second).Seconds())
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// finish ends the redrawn line, so what follows starts on a new one.
func (p *progress) finish() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
	}
}
