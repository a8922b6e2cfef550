package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congportal/cong/internal/news"
	"github.com/congportal/cong/internal/store"
)

// crashFlush is the counter flush interval the crash test runs with; the
// documented loss window on a hard kill is one interval.
const crashFlush = 200 * time.Millisecond

func (l *crashLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.articles)
}

type ackedArticle struct {
	id          int64
	title, body string
}

type ackedMedia struct {
	path string
	size int64
}

type crashLog struct {
	mu       sync.Mutex
	articles []ackedArticle
	media    []ackedMedia
	views    []time.Time // when each counted page view of this round was answered 200
	// Views of earlier rounds: those that had to survive their kill, and
	// all of them.
	minViews, maxViews int64
}

// TestCrashSafety builds cong, serves a temporary data folder, drives
// concurrent API writes (articles, uploads) and page views, and kills the
// process with SIGKILL at random moments. After each restart every write
// that was answered 2xx must be there, intact; SQLite's integrity check
// must pass; and views lost must fit the documented window (one flush
// interval before the kill).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it for several seconds")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "cong")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	cli := func(stdin string, args ...string) string {
		c := exec.Command(bin, args...)
		c.Stdin = strings.NewReader(stdin)
		out, err := c.Output()
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return string(out)
	}
	cli("", "migrate", "--data", data)
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	site, err := st.EnsureSite(context.Background(), defaultSite)
	if err == nil {
		_, err = st.CreateCategory(context.Background(), news.Category{SiteID: site.ID, Name: "Tin tức", Slug: "tin-tuc"})
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	cli("Mat-khau-rat-dai-2026\nMat-khau-rat-dai-2026\n", "user", "add", "--data", data, "--username", "quantri", "--role", "admin", "--name", "Quản trị")
	lines := strings.Fields(cli("", "token", "add", "--data", data, "--username", "quantri"))
	token := lines[len(lines)-1]

	var log crashLog
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	const rounds = 4
	for round := 0; round < rounds; round++ {
		addr := freeAddr(t)
		base := "http://" + addr
		cmd := exec.Command(bin, "serve", "--data", data, "--addr", addr, "--base-url", base,
			"--flush-interval", crashFlush.String(), "--view-window", "0")
		stderr := new(bytes.Buffer)
		cmd.Stderr = stderr
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("server log, round %d:\n%s", round, stderr.String())
			}
		})
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitUp(t, base)
		checkAcked(t, base, &log, round)

		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				drive(ctx, base, token, round, w, &log)
			}()
		}
		// Kill at a random moment once the round has done some work: a
		// busy CI machine may need a while for the first writes.
		before := log.count()
		for deadline := time.Now().Add(30 * time.Second); log.count() < before+6 && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(time.Duration(rng.IntN(800)) * time.Millisecond)
		last := round == rounds-1
		var killedAt time.Time
		if last {
			// The last stop is graceful: nothing may be lost at all.
			cmd.Process.Signal(syscall.SIGTERM)
		} else {
			cmd.Process.Signal(syscall.SIGKILL)
			killedAt = time.Now()
		}
		cmd.Wait()
		cancel()
		wg.Wait()
		if last {
			killedAt = time.Now().Add(time.Hour) // every view before now must be there
		}
		checkStore(t, data, &log, killedAt, round)
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	if len(log.articles) < 20 || len(log.media) < 4 || log.maxViews < 20 {
		t.Fatalf("too little load to prove anything: %d articles, %d uploads, %d views", len(log.articles), len(log.media), log.maxViews)
	}
	t.Logf("%d rounds: %d articles and %d uploads acknowledged and found intact; %d of %d views kept", rounds, len(log.articles), len(log.media), log.minViews, log.maxViews)
}

var browserUA = "Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"

// drive writes until ctx ends or the server dies, recording what was
// acknowledged. Requests that get no answer are not recorded: the client
// was never told they succeeded.
func drive(ctx context.Context, base, token string, round, worker int, log *crashLog) {
	client := &http.Client{Timeout: 10 * time.Second}
	for i := 0; ctx.Err() == nil; i++ {
		title := fmt.Sprintf("Tin kiểm tra sự cố vòng %d luồng %d số %d", round, worker, i)
		body := fmt.Sprintf("<p>Nội dung %d-%d-%d: Ủy ban nhân dân xã thông báo.</p>", round, worker, i)
		in, _ := json.Marshal(map[string]any{"title": title, "body_html": body, "summary": "Tóm tắt", "category": "tin-tuc", "status": "published"})
		req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/articles", bytes.NewReader(in))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return
		}
		var a struct {
			ID       int64
			Slug     string
			BodyHTML string `json:"body_html"`
		}
		err = json.NewDecoder(resp.Body).Decode(&a)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusCreated {
			continue
		}
		log.mu.Lock()
		log.articles = append(log.articles, ackedArticle{id: a.ID, title: title, body: a.BodyHTML})
		log.mu.Unlock()

		// A page view of it, counted by the buffered counter.
		vreq, _ := http.NewRequestWithContext(ctx, "GET", base+"/bai-viet/"+a.Slug, nil)
		vreq.Header.Set("User-Agent", browserUA)
		// What every browser sends; a request without them is not counted.
		vreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
		vreq.Header.Set("Accept-Language", "vi-VN,vi;q=0.9")
		if vr, err := client.Do(vreq); err == nil {
			io.Copy(io.Discard, vr.Body)
			vr.Body.Close()
			if vr.StatusCode == 200 {
				log.mu.Lock()
				log.views = append(log.views, time.Now())
				log.mu.Unlock()
			}
		}

		if i%3 == 0 {
			uploadOne(ctx, client, base, token, round, worker, i, log)
		}
	}
}

func uploadOne(ctx context.Context, client *http.Client, base, token string, round, worker, i int, log *crashLog) {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for p := 0; p < 16*16; p++ {
		img.Set(p%16, p/16, color.RGBA{uint8(round), uint8(worker), uint8(i), 255})
	}
	img.Set(0, 0, color.RGBA{uint8(i >> 8), uint8(i), 1, 255})
	var pic bytes.Buffer
	png.Encode(&pic, img)
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("file", fmt.Sprintf("anh-%d-%d-%d.png", round, worker, i))
	fw.Write(pic.Bytes())
	mw.WriteField("alt", "Ảnh kiểm tra")
	mw.Close()
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/media", &form)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	var m struct {
		Path string
		Size int64
	}
	err = json.NewDecoder(resp.Body).Decode(&m)
	resp.Body.Close()
	if err == nil && (resp.StatusCode == http.StatusCreated || resp.StatusCode == http.StatusOK) {
		log.mu.Lock()
		log.media = append(log.media, ackedMedia{path: m.Path, size: m.Size})
		log.mu.Unlock()
	}
}

// checkAcked reads every acknowledged article and upload back through the
// restarted server.
func checkAcked(t *testing.T, base string, log *crashLog, round int) {
	log.mu.Lock()
	defer log.mu.Unlock()
	for _, a := range log.articles {
		resp, err := http.Get(fmt.Sprintf("%s/api/v1/articles/%d", base, a.id))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Title    string
			BodyHTML string `json:"body_html"`
		}
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if resp.StatusCode != 200 || got.Title != a.title || got.BodyHTML != a.body {
			t.Fatalf("round %d: acknowledged article %d lost or changed (status %d, %q)", round, a.id, resp.StatusCode, got.Title)
		}
	}
	for _, m := range log.media {
		resp, err := http.Get(base + m.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || int64(len(b)) != m.size {
			t.Fatalf("round %d: acknowledged upload %s lost or truncated (status %d, %d bytes of %d)", round, m.path, resp.StatusCode, len(b), m.size)
		}
	}
}

// checkStore opens the data folder after the process died: the database
// must be sound, every acknowledged article there, and the views counted
// at least those answered more than one flush interval before the kill.
func checkStore(t *testing.T, data string, log *crashLog, killedAt time.Time, round int) {
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if res, err := st.IntegrityCheck(context.Background()); err != nil || res != "ok" {
		t.Fatalf("integrity_check after kill: %q %v", res, err)
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	for _, a := range log.articles {
		var title, body string
		if err := st.DB().QueryRow(`SELECT title, body_html FROM articles WHERE id = ?`, a.id).Scan(&title, &body); err != nil || title != a.title || body != a.body {
			t.Fatalf("acknowledged article %d: %q %v", a.id, title, err)
		}
	}
	var views int64
	st.DB().QueryRow(`SELECT COALESCE(SUM(views), 0) FROM articles`).Scan(&views)
	// The documented window is one flush interval; allow the flush its own
	// time to commit on a busy, shared machine.
	window := crashFlush + time.Second
	for _, v := range log.views {
		if v.Before(killedAt.Add(-window)) {
			log.minViews++
		}
	}
	log.maxViews += int64(len(log.views))
	log.views = nil
	if views < log.minViews || views > log.maxViews {
		t.Fatalf("round %d: views stored %d: want between %d (answered more than %s before a kill) and %d (all answered)", round, views, log.minViews, window, log.maxViews)
	}
	// What this round lost is lost; the next round counts from here.
	log.minViews = views
	for _, m := range log.media {
		name := strings.TrimPrefix(m.path, "/media/")
		found := false
		filepath.WalkDir(filepath.Join(data, "media"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() == name {
				if fi, err := d.Info(); err == nil && fi.Size() == m.size {
					found = true
				}
			}
			return nil
		})
		if !found {
			t.Fatalf("acknowledged upload %s not on disk with %d bytes", m.path, m.size)
		}
	}
}
