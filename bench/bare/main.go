// Command bare is the reference of DESIGN §8: a bare net/http handler that
// writes one file's bytes from memory on every path, with Content-Type and
// Content-Length, and nothing else. Cổng's article page is compared with it.
//
// With --headers FILE (a response header block as `curl -D` writes it) it
// also sends those headers, values unchanged, so its responses are the same
// bytes as the page it copies, headers included: Cổng's security headers
// (a 200-byte CSP among them) cost net/http something to write whatever
// the handler does, and the ratio against this variant isolates what
// routing, the page cache and counting cost.
//
//	go run ./bench/bare --addr 127.0.0.1:8091 [--headers headers.txt] page.html
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/textproto"
	"os"
	"strconv"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8091", "listen address")
	headers := flag.String("headers", "", "file with response headers to send (curl -D format)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bare [--addr HOST:PORT] [--headers FILE] FILE")
		os.Exit(2)
	}
	body, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	fixed := http.Header{}
	if *headers != "" {
		if fixed, err = readHeaders(*headers); err != nil {
			log.Fatal(err)
		}
	}
	ctype := []string{"text/html; charset=utf-8"}
	clen := []string{strconv.Itoa(len(body))}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		for k, v := range fixed {
			hd[k] = v
		}
		hd["Content-Type"] = ctype
		hd["Content-Length"] = clen
		w.Write(body)
	})
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("bare: serving %d bytes and %d extra headers on %s", len(body), len(fixed), *addr)
	log.Fatal(srv.ListenAndServe())
}

// readHeaders reads a header block after its status line, leaving out what
// net/http writes itself.
func readHeaders(name string) (http.Header, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(b)))
	if _, err := tp.ReadLine(); err != nil { // HTTP/1.1 200 OK
		return nil, err
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil && len(mh) == 0 {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	h := http.Header(mh)
	for _, k := range []string{"Date", "Content-Length", "Content-Type", "Connection", "Transfer-Encoding"} {
		h.Del(k)
	}
	return h, nil
}
