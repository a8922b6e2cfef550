package web

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNginxBodyLimit: the sample nginx site lets through exactly the largest
// body Cổng accepts. Smaller, and a citizen's valid dossier gets nginx's
// English 413; larger, and nginx forwards bodies Cổng will only refuse.
func TestNginxBodyLimit(t *testing.T) {
	conf, err := os.ReadFile("../../deploy/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	ms := regexp.MustCompile(`(?m)^\s*client_max_body_size\s+(\d+)([kKmMgG]?)\s*;`).FindAllSubmatch(conf, -1)
	if len(ms) != 1 {
		t.Fatalf("want one client_max_body_size in deploy/nginx.conf, found %d", len(ms))
	}
	n, _ := strconv.ParseInt(string(ms[0][1]), 10, 64)
	n <<= map[string]uint{"": 0, "k": 10, "m": 20, "g": 30}[strings.ToLower(string(ms[0][2]))]
	if n != maxRequestBody {
		t.Errorf("nginx client_max_body_size is %d bytes (%d MB); Cổng's largest body is %d bytes (%d MB): set %dm",
			n, n>>20, int64(maxRequestBody), maxRequestBody>>20, maxRequestBody>>20)
	}
	if maxRequestBody%(1<<20) != 0 {
		t.Errorf("maxRequestBody %d is not a whole number of MB, which nginx's setting needs", maxRequestBody)
	}
}
