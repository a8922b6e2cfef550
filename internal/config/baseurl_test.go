package config

import "testing"

func TestLocalBaseURL(t *testing.T) {
	for base, want := range map[string]bool{
		"http://localhost:8080": true, "http://LOCALHOST": true, "http://127.0.0.1:8080": true, "http://[::1]:8080": true,
		"http://0.0.0.0": true, "http://cong.localhost": true,
		"https://cong.example.gov.vn": false, "http://10.0.0.5:8080": false, "https://tanphu.example.vn": false,
	} {
		if got := LocalBaseURL(base); got != want {
			t.Errorf("LocalBaseURL(%q) = %v", base, got)
		}
	}
}
