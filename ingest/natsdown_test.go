package ingest

import (
	"net/http"
	"testing"
	"time"
)

// TestAPIWhileNATSDown: with the NATS connection down the API answers
// 503 with Retry-After at once instead of waiting for NATS; /healthz and
// the contract documents still answer.
func TestAPIWhileNATSDown(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	api := h.svc.Handler()
	h.ns.Shutdown()
	deadline := time.Now().Add(5 * time.Second)
	for h.js.Conn().IsConnected() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	rr := do(t, api, "GET", "/v1/dossiers", nil, "")
	if rr.Code != http.StatusServiceUnavailable || rr.Header().Get("Retry-After") == "" || time.Since(start) > time.Second {
		t.Errorf("GET /v1/dossiers with NATS down: %d %v after %v", rr.Code, rr.Header(), time.Since(start))
	}
	if rr := do(t, api, "GET", "/v1/openapi.json", nil, ""); rr.Code != http.StatusOK {
		t.Errorf("openapi.json with NATS down: %d", rr.Code)
	}
}
