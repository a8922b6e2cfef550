// Command bare is the reference of DESIGN §8: a bare net/http handler that
// writes one file's bytes from memory on every path, with Content-Type and
// Content-Length, and nothing else. Cổng's article page is compared with it.
//
//	go run ./bench/bare --addr 127.0.0.1:8091 page.html
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8091", "listen address")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bare [--addr HOST:PORT] FILE")
		os.Exit(2)
	}
	body, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	ctype := []string{"text/html; charset=utf-8"}
	clen := []string{strconv.Itoa(len(body))}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd["Content-Type"] = ctype
		hd["Content-Length"] = clen
		w.Write(body)
	})
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("bare: serving %d bytes on %s", len(body), *addr)
	log.Fatal(srv.ListenAndServe())
}
