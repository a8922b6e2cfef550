// Package e2e holds Cổng's browser tests: Debian's headless Chromium, driven
// with chromedp, uses the real server (started in the test process on a
// fresh database) as an editor, an approver and a reader would.
//
// The tests skip when /usr/bin/chromium (or $CONG_CHROMIUM) is missing,
// except under CI=true, where they fail: CI installs Chromium (.ci/run). With UPDATE_SCREENSHOTS=1
// they also write the README's screenshots into docs/img/.
package e2e
