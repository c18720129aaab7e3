package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
)

// api is a client of the HTTP API of a running hoso, with an API token
// or a session cookie "hoso_session=…" (every /v1/ route needs one).
type api struct{ base, token string }

func (a api) get(path string) (*http.Response, error) {
	return a.do("GET", path, "", nil)
}

func (a api) do(method, path, ctype string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(method, a.base+path, body)
	if err != nil {
		return nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	switch {
	case strings.HasPrefix(a.token, access.CookieName+"="): // a browser session
		req.Header.Set("Cookie", a.token)
	case a.token != "":
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	c := http.Client{Timeout: 10 * time.Second}
	return c.Do(req)
}

// automationToken creates an automation account that reads and uploads in
// every unit, straight in the accounts KV of js, and returns its token.
func automationToken(t *testing.T, js jetstream.JetStream) string {
	t.Helper()
	ctx := context.Background()
	st, err := access.Open(ctx, js, access.Options{})
	if err != nil {
		t.Fatal(err)
	}
	name := "e2e-robot"
	if _, err := st.AddAccount(ctx, access.NewAccount{Name: name, Roles: []access.Role{access.System}, Units: []string{access.AllUnits}}); err != nil && !errors.Is(err, access.ErrExists) {
		t.Fatal(err)
	}
	_, raw, err := st.CreateToken(ctx, access.NewToken{Account: name, Scopes: []access.Scope{access.ScopeRead, access.ScopeUpload}})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func (a api) getJSON(path string, v any) (int, error) {
	resp, err := a.get(path)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, fmt.Errorf("GET %s: %s: %s", path, resp.Status, b)
	}
	return resp.StatusCode, json.Unmarshal(b, v)
}

func (a api) waitReady(t *testing.T) {
	t.Helper()
	waitFor(t, 60*time.Second, "GET /readyz", func() error {
		resp, err := a.get("/readyz")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
}

// list returns the dossiers the API lists for the query.
func (a api) list(q url.Values) ([]ingest.State, error) {
	var body struct {
		Dossiers []ingest.State `json:"dossiers"`
	}
	path := "/v1/dossiers"
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	_, err := a.getJSON(path, &body)
	return body.Dossiers, err
}

// waitKey waits until the API shows a final state for the object key and
// returns it.
func (a api) waitKey(t *testing.T, key string, limit time.Duration) ingest.State {
	t.Helper()
	var found ingest.State
	waitFor(t, limit, "dossier of "+key+" final", func() error {
		all, err := a.list(nil)
		if err != nil {
			return err
		}
		for _, st := range all {
			if st.Key == key {
				if st.Status.Final() {
					found = st
					return nil
				}
				return fmt.Errorf("status %s", st.Status)
			}
		}
		return fmt.Errorf("not listed among %d dossiers", len(all))
	})
	return found
}

// waitID waits until GET /v1/dossiers/{id} shows a final state.
func (a api) waitID(t *testing.T, id string, limit time.Duration) ingest.State {
	t.Helper()
	var st ingest.State
	waitFor(t, limit, "dossier "+id+" final", func() error {
		st = ingest.State{}
		if _, err := a.getJSON("/v1/dossiers/"+id, &st); err != nil {
			return err
		}
		if !st.Status.Final() {
			return fmt.Errorf("status %s", st.Status)
		}
		return nil
	})
	return st
}

// events reads every message of the event stream, in order.
func events(t *testing.T, js jetstream.JetStream) []eventMsg {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, ingest.DefaultEventStream)
	if err != nil {
		t.Fatalf("event stream: %v", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []eventMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue // deleted
		}
		var e ingest.Event
		if err := json.Unmarshal(m.Data, &e); err != nil {
			t.Fatalf("event %d is not JSON: %v\n%s", seq, err, m.Data)
		}
		out = append(out, eventMsg{Subject: m.Subject, MsgID: m.Header.Get("Nats-Msg-Id"), Event: e, Raw: m.Data})
	}
	return out
}

type eventMsg struct {
	Subject string
	MsgID   string
	Event   ingest.Event
	Raw     []byte
}

func eventsFor(all []eventMsg, id string) []eventMsg {
	var out []eventMsg
	for _, e := range all {
		if e.Event.ID == id {
			out = append(out, e)
		}
	}
	return out
}

// drained waits until the upload stream holds no message and the workers'
// consumer has nothing pending: every event published so far was handled.
func drained(t *testing.T, js jetstream.JetStream, limit time.Duration) {
	t.Helper()
	waitFor(t, limit, "upload stream drained", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s, err := js.Stream(ctx, ingest.DefaultUploadStream)
		if err != nil {
			return err
		}
		info, err := s.Info(ctx)
		if err != nil {
			return err
		}
		if info.State.Msgs != 0 {
			return fmt.Errorf("%d messages in %s", info.State.Msgs, ingest.DefaultUploadStream)
		}
		return nil
	})
}
