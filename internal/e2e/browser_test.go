package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// desktopUA is an ordinary desktop Chrome User-Agent. Headless Chromium
// says "HeadlessChrome", and the portal rightly counts no view for it; the
// reader in these tests must look like a person's browser.
const desktopUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"

// stepTimeout bounds each browser step; a whole scenario takes seconds.
const stepTimeout = 30 * time.Second

// startBrowser starts one headless Chromium for the test, or skips the test
// when there is none (and fails instead under CI=true).
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CONG_CHROMIUM")
	if path == "" {
		path = chromiumPath
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser tests need Chromium at %s; .ci/run installs it (apt-get install chromium)", path)
		}
		t.Skipf("no Chromium at %s: browser tests skipped (apt-get install chromium to run them)", path)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("lang", "vi-VN"),
		chromedp.UserAgent(desktopUA),
		chromedp.WindowSize(1366, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	sctx, scancel := context.WithTimeout(context.Background(), time.Minute)
	defer scancel()
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("start Chromium: %v", err)
		}
	case <-sctx.Done():
		t.Fatal("Chromium did not start within a minute")
	}
	return ctx
}

// tab is one browser tab in its own browser context (own cookies and
// storage), like a separate person at a separate computer.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	name string

	mu       sync.Mutex
	dialogs  []string // alert/confirm/prompt messages
	problems []string // uncaught exceptions and CSP violations
}

func newTab(t *testing.T, browser context.Context, base, name string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, base: base, name: name}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("%s: open tab: %v", name, err)
	}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.dialogs = append(tb.dialogs, string(ev.Type)+": "+ev.Message)
			tb.mu.Unlock()
			// Close it, or the page stays blocked.
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			s := m.String()
			if m.IsException() || strings.Contains(s, "Content Security Policy") {
				tb.mu.Lock()
				tb.problems = append(tb.problems, fmt.Sprintf("%s:%d %s", m.URL, m.Line+1, s))
				tb.mu.Unlock()
			}
		}
	}()
	return tb
}

func (tb *tab) Dialogs() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.dialogs...)
}

func (tb *tab) Problems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.problems...)
}

// fatal stops the test with what the page showed, and a screenshot of it.
func (tb *tab) fatal(format string, args ...any) {
	tb.t.Helper()
	msg := fmt.Sprintf(format, args...)
	ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
	defer cancel()
	if loc, err := chromedp.Run(ctx, chromedp.Location()); err == nil {
		msg += "\n  page: " + loc
	}
	if txt, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 1500) : ""`)); err == nil {
		msg += "\n  text: " + strings.ReplaceAll(txt, "\n", " | ")
	}
	if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		f := filepath.Join(os.TempDir(), fmt.Sprintf("cong-e2e-%s-%d.png", tb.name, time.Now().UnixNano()))
		if os.WriteFile(f, png, 0o644) == nil {
			msg += "\n  screenshot: " + f
		}
	}
	if p := tb.Problems(); len(p) > 0 {
		msg += "\n  console: " + strings.Join(p, " | ")
	}
	tb.t.Fatalf("%s: %s", tb.name, msg)
}

// do runs steps that return nothing, each call bounded by stepTimeout.
func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.fatal("%v", err)
	}
}

// navigate runs steps that load a page (a click on a link or a submit
// button) and returns the HTTP status of the page that loaded.
func (tb *tab) navigate(steps ...chromedp.Action[chromedp.Void]) int64 {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		tb.fatal("%v", err)
	}
	return resp.Status
}

func (tb *tab) open(path string) int64 {
	tb.t.Helper()
	return tb.navigate(chromedp.Navigate(tb.base + path))
}

// value runs one action that returns a value.
func value[T any](tb *tab, a chromedp.Action[T]) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		tb.fatal("%v", err)
	}
	return v
}

func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	return value(tb, chromedp.Evaluate[T](js))
}

func (tb *tab) text(sel string) string {
	tb.t.Helper()
	return value(tb, chromedp.Text(chromedp.CSS(sel)))
}

func (tb *tab) location() string {
	tb.t.Helper()
	return value(tb, chromedp.Location())
}

// call sends one protocol command to the tab.
func call[P, R any](tb *tab, cmd cdp.Command[P, R], params P) R {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	r, err := chromedp.Call(ctx, cmd, params)
	if err != nil {
		tb.fatal("%s: %v", cmd.Method, err)
	}
	return r
}

// enter presses Enter the way a keyboard does: keydown and keyup, without
// the extra char event that SendKeys adds (an editor would see two).
var enter = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13,
		})
		if err != nil {
			return err
		}
	}
	return nil
})

// login signs in through the form and waits for the admin area.
func (tb *tab) login(username, password string) {
	tb.t.Helper()
	tb.open("/dang-nhap")
	tb.do(chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), username),
		chromedp.SendKeys(chromedp.ID("password"), password))
	if st := tb.navigate(chromedp.Click(chromedp.CSS(`.login button[type=submit]`))); st != 200 {
		tb.fatal("login as %s: status %d", username, st)
	}
	tb.do(chromedp.WaitVisible(chromedp.CSS(`nav.adm-nav`)))
}

// screenshot writes the visible page to docs/img/NAME when
// UPDATE_SCREENSHOTS=1; CI leaves the committed pictures alone.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	if os.Getenv("UPDATE_SCREENSHOTS") != "1" {
		return
	}
	png := value(tb, chromedp.CaptureScreenshot())
	dir := filepath.Join("..", "..", "docs", "img")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot docs/img/%s (%d bytes)", name, len(png))
}
