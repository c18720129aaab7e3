package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A body trickled a byte at a time, or one that stops arriving, is cut off
// with 408 instead of holding the connection (it held one for 90 s).
func TestUploadBodyBounds(t *testing.T) {
	h := newHarness(t, &echo{}, func(c *Config) {
		c.BodyIdle = 300 * time.Millisecond
		c.BodyMinRate = 1 << 10
	})
	srv := httptest.NewServer(h.svc.Handler())
	defer srv.Close()
	body, ctype := multipartBody(t, nil, "a.pdf", strings.Repeat("x", 4096))
	raw := body.Bytes()
	for _, tc := range []struct {
		name  string
		send  func(w io.Writer)
		limit time.Duration
	}{
		{"trickle", func(w io.Writer) {
			for _, c := range raw {
				if _, err := w.Write([]byte{c}); err != nil {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
		}, 5 * time.Second},
		{"stall", func(w io.Writer) {
			w.Write(raw[:len(raw)/2])
			time.Sleep(3 * time.Second)
		}, 3 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST /v1/dossiers HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(raw))
			start := time.Now()
			go tc.send(conn)
			conn.SetReadDeadline(time.Now().Add(tc.limit))
			resp, err := http.ReadResponse(bufioReader(conn), nil)
			if err != nil {
				t.Fatalf("no answer within %v: %v", tc.limit, err)
			}
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusRequestTimeout || !bytes.Contains(b, []byte("timeout")) {
				t.Errorf("%s after %v: %s", resp.Status, time.Since(start).Round(time.Millisecond), b)
			}
		})
	}
}

// /healthz and /readyz say so when the workers get no answer from NATS.
func TestHealthReportsStalledWorkers(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	api := h.svc.Handler()
	if rr := do(t, api, "GET", "/healthz", nil, ""); rr.Code != 200 {
		t.Fatalf("healthz of a fresh service: %d %s", rr.Code, rr.Body)
	}
	h.svc.started = time.Now().Add(-2 * stallAfter) // no fetch answered since
	if rr := do(t, api, "GET", "/healthz", nil, ""); rr.Code != 503 || !strings.Contains(rr.Body.String(), "stalled") {
		t.Errorf("healthz with stalled workers: %d %s", rr.Code, rr.Body)
	}
	if rr := do(t, api, "GET", "/readyz", nil, ""); rr.Code != 503 || !strings.Contains(rr.Body.String(), "no answer from NATS") {
		t.Errorf("readyz with stalled workers: %d %s", rr.Code, rr.Body)
	}
	h.run()
	deadline := time.Now().Add(10 * time.Second)
	for do(t, api, "GET", "/healthz", nil, "").Code != 200 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if rr := do(t, api, "GET", "/healthz", nil, ""); rr.Code != 200 {
		t.Errorf("healthz once workers fetch again: %d %s", rr.Code, rr.Body)
	}
}

func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReader(r) }
