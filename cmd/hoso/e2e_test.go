package main

// End-to-end tests: the real program (Main.Run, as the binary runs it)
// against real MinIO (deploy/minio.sh) publishing into an in-process NATS
// server over TCP, and against `hoso run`'s folder mode. They upload
// dossiers from testdata/corpus and check what users see: letters and
// record.json in the letter bucket, CloudEvents on HOSO_EVENTS, the API.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/internal/testenv"
)

// Generous bounds: OCR-free dossiers take about a second each, but CI
// machines are shared.
const (
	finalWithin = 2 * time.Minute // the first PDF letter starts LibreOffice
	drainWithin = 60 * time.Second
)

// store is how a test reaches the upload and letter buckets: S3 through
// minio-go, or the folders of `hoso run`.
type store interface {
	upload(t *testing.T, key string, data []byte) (etag string)
	letter(t *testing.T, key string) ([]byte, bool)
	letterKeys(t *testing.T, prefix string) []string
}

type s3Store struct {
	c                     *minio.Client
	uploads, letterBucket string
}

func (s s3Store) upload(t *testing.T, key string, data []byte) string {
	t.Helper()
	info, err := s.c.PutObject(context.Background(), s.uploads, key, bytes.NewReader(data), int64(len(data)), minio.PutObjectOptions{})
	if err != nil {
		t.Fatalf("upload %s: %v", key, err)
	}
	return strings.Trim(info.ETag, `"`)
}

func (s s3Store) letter(t *testing.T, key string) ([]byte, bool) {
	t.Helper()
	o, err := s.c.GetObject(context.Background(), s.letterBucket, key, minio.GetObjectOptions{})
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer o.Close()
	b, err := io.ReadAll(o)
	if err != nil {
		if minio.ToErrorResponse(err).Code == "NoSuchKey" {
			return nil, false
		}
		t.Fatalf("get %s: %v", key, err)
	}
	return b, true
}

func (s s3Store) letterKeys(t *testing.T, prefix string) []string {
	t.Helper()
	var keys []string
	for o := range s.c.ListObjects(context.Background(), s.letterBucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if o.Err != nil {
			t.Fatalf("list %s: %v", prefix, o.Err)
		}
		keys = append(keys, o.Key)
	}
	return keys
}

type dirStore struct{ uploads, letters string }

func (d dirStore) upload(t *testing.T, key string, data []byte) string {
	t.Helper()
	p := filepath.Join(d.uploads, filepath.FromSlash(key))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Written in two halves with a pause, like a slow copy: the watcher
	// must wait for the size to settle instead of reading half a file.
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	half := len(data) / 2
	if _, err := f.Write(data[:half]); err != nil {
		t.Fatal(err)
	}
	f.Sync()
	time.Sleep(300 * time.Millisecond)
	if _, err := f.Write(data[half:]); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return ""
}

func (d dirStore) letter(t *testing.T, key string) ([]byte, bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(d.letters, filepath.FromSlash(key)))
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return b, true
}

func (d dirStore) letterKeys(t *testing.T, prefix string) []string {
	t.Helper()
	var keys []string
	root := filepath.Join(d.letters, filepath.FromSlash(prefix))
	filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			rel, _ := filepath.Rel(d.letters, p)
			keys = append(keys, filepath.ToSlash(rel))
		}
		return nil
	})
	return keys
}

// pipeline is one running hoso under test.
type pipeline struct {
	api    api
	store  store
	js     jetstream.JetStream
	bucket string // upload bucket name, for dossier ids
	s3     bool
	pdf    bool // letters come with a PDF
}

// checkDossier asserts what a clerk, committee staff and automation see
// for one uploaded fixture, and returns its state.
func checkDossier(t *testing.T, p pipeline, f fixture, etag string) ingest.State {
	t.Helper()
	st := p.api.waitKey(t, f.key, finalWithin)
	if p.s3 && etag != "" {
		if want := ingest.DossierID(p.bucket, f.key, etag, ""); st.ID != want {
			t.Errorf("%s: dossier id %s, want hash of bucket, key and ETag %s", f.name, st.ID, want)
		}
	}
	if st.Origin != ingest.Origin(f.key) {
		t.Errorf("%s: origin %q, want %q", f.name, st.Origin, ingest.Origin(f.key))
	}
	// GET /v1/dossiers/{id} agrees with the list.
	byID := p.api.waitID(t, st.ID, 10*time.Second)
	if byID.Status != st.Status || byID.Verdict != st.Verdict || byID.DOCX != st.DOCX {
		t.Errorf("%s: /v1/dossiers/%s = %+v, list says %+v", f.name, st.ID, byID, st)
	}
	if st.Verdict != f.verdict {
		t.Errorf("%s: verdict %q (status %s, error %+v), want %q", f.name, st.Verdict, st.Status, st.Error, f.verdict)
	}

	prefix := ingest.LetterPrefix(st.Origin, st.ID)
	if st.Record != prefix+"record.json" {
		t.Errorf("%s: record key %q, want %q", f.name, st.Record, prefix+"record.json")
	}
	raw, ok := p.store.letter(t, st.Record)
	if !ok {
		t.Fatalf("%s: no record.json at %s; letter bucket holds %v", f.name, st.Record, p.store.letterKeys(t, prefix))
	}
	var rec hoso.Record
	if err := json.Unmarshal(raw, &rec); err != nil {
		t.Fatalf("%s: record.json: %v", f.name, err)
	}
	if rec.Schema != hoso.Schema || rec.DossierID != st.ID || rec.Source.Key != f.key || rec.Verdict != f.verdict {
		t.Errorf("%s: record.json schema %q id %q key %q verdict %q; want %q %q %q %q",
			f.name, rec.Schema, rec.DossierID, rec.Source.Key, rec.Verdict, hoso.Schema, st.ID, f.key, f.verdict)
	}

	if f.verdict == hoso.VerdictRejected {
		if st.Status != ingest.StatusFailed || st.Error == nil || st.Error.Code == "" {
			t.Errorf("%s: rejected file: status %s error %+v, want failed with a reason", f.name, st.Status, st.Error)
		}
		if st.DOCX != "" {
			t.Errorf("%s: rejected file got a letter %s", f.name, st.DOCX)
		}
	} else {
		if st.Status != ingest.StatusRendered {
			t.Errorf("%s: status %s, want rendered", f.name, st.Status)
		}
		want := prefix + string(st.LetterKind) + ".docx"
		if st.LetterKind == "" || st.DOCX != want {
			t.Errorf("%s: letter key %q (kind %q), want %q", f.name, st.DOCX, st.LetterKind, want)
		}
		docx, ok := p.store.letter(t, st.DOCX)
		if !ok || !bytes.HasPrefix(docx, []byte("PK\x03\x04")) {
			t.Errorf("%s: no DOCX letter at %s (found %v)", f.name, st.DOCX, p.store.letterKeys(t, prefix))
		}
		if p.pdf {
			pdfKey := prefix + string(st.LetterKind) + ".pdf"
			if st.PDF != pdfKey {
				t.Errorf("%s: PDF key %q, want %q", f.name, st.PDF, pdfKey)
			}
			if b, ok := p.store.letter(t, pdfKey); !ok || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Errorf("%s: no PDF letter at %s", f.name, pdfKey)
			}
		}
		// The API streams the very same letter.
		resp, err := p.api.get("/v1/dossiers/" + st.ID + "/letter")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !bytes.Equal(body, docx) {
			t.Errorf("%s: GET letter: %s, %d bytes, same as stored: %v", f.name, resp.Status, len(body), bytes.Equal(body, docx))
		}
	}

	// Exactly one CloudEvent announces the outcome.
	evs := eventsFor(events(t, p.js), st.ID)
	if len(evs) != 1 {
		t.Fatalf("%s: %d events for dossier %s, want 1", f.name, len(evs), st.ID)
	}
	e := evs[0]
	wantType, wantSubj := ingest.TypeCompleted, ingest.DefaultEventPrefix+".completed"
	if st.Status == ingest.StatusFailed {
		wantType, wantSubj = ingest.TypeFailed, ingest.DefaultEventPrefix+".failed"
	}
	if e.Event.SpecVersion != "1.0" || e.Event.Type != wantType || e.Subject != wantSubj ||
		e.Event.Source == "" || e.Event.Time.IsZero() || e.MsgID != st.ID {
		t.Errorf("%s: event %s on %s (Nats-Msg-Id %q), want CloudEvents 1.0 %s on %s with id %s",
			f.name, e.Raw, e.Subject, e.MsgID, wantType, wantSubj, st.ID)
	}
	wantRef := st.DOCX
	if wantRef == "" {
		wantRef = st.Record
	}
	if e.Event.DataRef != wantRef || e.Event.Data.Verdict != f.verdict {
		t.Errorf("%s: event dataref %q verdict %q, want %q %q", f.name, e.Event.DataRef, e.Event.Data.Verdict, wantRef, f.verdict)
	}
	// Events and state carry no personal data.
	if f.person != "" && bytes.Contains(e.Raw, []byte(f.person)) {
		t.Errorf("%s: the event carries the candidate's name", f.name)
	}
	return st
}

// redeliver publishes a MinIO-shaped event for an object that is already
// done, waits until it is handled, and checks nothing was written twice.
func redeliver(t *testing.T, p pipeline, st ingest.State) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	before := p.store.letterKeys(t, ingest.LetterPrefix(st.Origin, st.ID))
	evBefore := len(events(t, p.js))
	u := ingest.Upload{EventName: "s3:ObjectCreated:Put", Bucket: st.Bucket, Key: st.Key, ETag: st.ETag, Size: st.Size, Time: time.Now()}
	if _, err := p.js.Publish(ctx, ingest.DefaultUploadSubject, ingest.EncodeEvent(u, "e2e")); err != nil {
		t.Fatal(err)
	}
	drained(t, p.js, drainWithin)
	after := p.store.letterKeys(t, ingest.LetterPrefix(st.Origin, st.ID))
	if strings.Join(before, ",") != strings.Join(after, ",") {
		t.Errorf("redelivery changed the letters: %v → %v", before, after)
	}
	if n := len(events(t, p.js)); n != evBefore {
		t.Errorf("redelivery published %d more events", n-evBefore)
	}
	again := p.api.waitID(t, st.ID, 10*time.Second)
	if again.Status != st.Status || again.DOCX != st.DOCX {
		t.Errorf("redelivery changed the state: %+v → %+v", st, again)
	}
}

func TestServe(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	fixtures := loadFixtures(t)
	n := startNATS(t)
	env := map[string]string{"HOSO_NATS_URL": n.url()}
	// MinIO with JetStream on needs the stream before it starts.
	if err := runOnce(t, env, "setup", "--nats-only"); err != nil {
		t.Fatalf("hoso setup --nats-only: %v", err)
	}
	mo := startMinIO(t, n.addr())
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	env["HOSO_S3_ENDPOINT"] = "http://" + mo.endpoint
	env["HOSO_S3_ACCESS_KEY"] = mo.user
	secretFile := filepath.Join(t.TempDir(), "s3-secret")
	os.WriteFile(secretFile, []byte(mo.pass+"\n"), 0o600)
	env["HOSO_S3_SECRET_KEY_FILE"] = secretFile
	env["HOSO_HTTP"] = httpAddr
	env["HOSO_WORKERS"] = "2"
	env["HOSO_ACK_WAIT"] = "3s"
	env["HOSO_RECONCILE_EVERY"] = "3s"

	// setup is idempotent and reports the notification rule in place.
	if err := runOnce(t, env, "setup"); err != nil {
		t.Fatalf("hoso setup: %v", err)
	}
	if err := runOnce(t, env, "setup"); err != nil {
		t.Fatalf("hoso setup, second time: %v", err)
	}

	top := t // owns the servers, which outlive the subtests
	srv := runMain(top, env, "serve")
	servers := []*background{srv}
	defer func() { noPersonalData(t, fixtures, servers...) }()
	_, js := n.client(t)
	p := pipeline{
		api:    api{base: "http://" + httpAddr},
		store:  s3Store{c: mo.client, uploads: ingest.DefaultUploadBucket, letterBucket: ingest.DefaultLetterBucket},
		js:     js,
		bucket: ingest.DefaultUploadBucket,
		s3:     true,
	}
	p.api.waitReady(t)
	p.api.token = automationToken(t, js)

	etags := map[string]string{}
	for _, f := range fixtures {
		etags[f.key] = p.store.upload(t, f.key, f.data)
	}
	states := map[string]ingest.State{}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) { states[f.key] = checkDossier(t, p, f, etags[f.key]) })
	}
	if t.Failed() {
		return
	}

	t.Run("redelivery", func(t *testing.T) { redeliver(t, p, states[fixtures[0].key]) })

	t.Run("worker killed mid-dossier", func(t *testing.T) {
		srv.stop(t)
		f := fixtures[0]
		f = f.at(t, "chi-bo-bi-ngat/"+path(f.key))
		p.store.upload(t, f.key, f.data)
		// A worker takes the message and dies without acking.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cons, err := js.Consumer(ctx, ingest.DefaultUploadStream, ingest.DefaultConsumer)
		if err != nil {
			t.Fatal(err)
		}
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(20*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		var taken jetstream.Msg
		for m := range batch.Messages() {
			taken = m
		}
		if taken == nil {
			t.Fatalf("the upload event never reached the consumer: %v", batch.Error())
		}
		u, err := ingest.DecodeEvent(taken.Data())
		if err != nil || u.Key != f.key {
			t.Fatalf("took %+v (%v), want the event of %s", u, err, f.key)
		}
		// It got as far as a real worker does before reading the file: the
		// state says extracting. So the reconciler of the next instance
		// leaves the object alone, and only the redelivery can finish it.
		kv, err := js.KeyValue(ctx, ingest.DefaultStateBucket)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		half, _ := json.Marshal(ingest.State{ID: u.ID(), Status: ingest.StatusExtracting, Origin: u.Origin(),
			Bucket: u.Bucket, Key: u.Key, ETag: u.ETag, Size: u.Size, Deliveries: 1, Created: now, Updated: now})
		if _, err := kv.Create(ctx, u.ID(), half); err != nil {
			t.Fatal(err)
		}
		// A fresh instance gets it once the ack wait (3s) runs out.
		srv = runMain(top, env, "serve")
		servers = append(servers, srv)
		p.api.waitReady(t)
		st := checkDossier(t, p, f, "")
		drained(t, js, drainWithin) // the taken message was redelivered and acked
		if st.Deliveries < 2 {
			t.Errorf("completed on delivery %d, want the redelivery (2 or more)", st.Deliveries)
		}
	})

	t.Run("uploaded before the notification rule", func(t *testing.T) {
		ctx := context.Background()
		if err := mo.client.RemoveAllBucketNotification(ctx, ingest.DefaultUploadBucket); err != nil {
			t.Fatal(err)
		}
		f := fixtures[1]
		f = f.at(t, "chi-bo-truoc-quy-tac/"+path(f.key))
		evBefore := len(events(t, js))
		p.store.upload(t, f.key, f.data)
		// No event can come: only the reconciler (every 3s here) finds it.
		checkDossier(t, p, f, "")
		if n := len(events(t, js)); n != evBefore+1 {
			t.Errorf("%d events, want 1", n-evBefore)
		}
		// setup puts the rule back, and events flow again.
		if err := runOnce(t, env, "setup"); err != nil {
			t.Fatal(err)
		}
		cfg, err := mo.client.GetBucketNotification(ctx, ingest.DefaultUploadBucket)
		if err != nil || len(cfg.QueueConfigs) != 1 {
			t.Errorf("after setup: %d queue rules (%v), want 1", len(cfg.QueueConfigs), err)
		}
	})

	t.Run("POST upload", func(t *testing.T) { postUpload(t, p, fixtures[2]) })

	t.Run("metrics", func(t *testing.T) {
		resp, err := p.api.get("/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, want := range []string{"hoso_messages_total", "hoso_stage_duration_seconds", "hoso_queue_pending"} {
			if !bytes.Contains(body, []byte(want)) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
		for _, f := range fixtures {
			if f.person != "" && bytes.Contains(body, []byte(f.person)) {
				t.Errorf("/metrics shows a candidate's name")
			}
		}
	})

	t.Run("NATS down while uploading", func(t *testing.T) {
		n.stop()
		var fs []fixture
		for i, f := range fixtures[:2] {
			f = f.at(t, "chi-bo-mat-ket-noi/"+strconv.Itoa(i)+"-"+path(f.key))
			p.store.upload(t, f.key, f.data)
			fs = append(fs, f)
		}
		n.start()
		for _, f := range fs {
			checkDossier(t, p, f, "")
		}
	})

	t.Run("dead letter and redrive", func(t *testing.T) {
		// Few, fast retries so the dossier runs out of deliveries quickly.
		srv.stop(t)
		env2 := maps.Clone(env)
		env2["HOSO_MAX_DELIVER"] = "2"
		env2["HOSO_RETRY_DELAYS"] = "200ms"
		srv = runMain(top, env2, "serve")
		servers = append(servers, srv)
		p.api.waitReady(t)
		deadLetterAndRedrive(t, p, mo, env2, fixtures[0])
	})
}

// deadLetterAndRedrive makes an upload fail transiently until it runs out
// of deliveries (the letter bucket is gone, as when MinIO loses it), then
// repairs the cause with `hoso setup` and brings it back with `hoso redrive`.
// It deletes the letter bucket, so it runs last.
func deadLetterAndRedrive(t *testing.T, p pipeline, mo *minioServer, env map[string]string, f fixture) {
	t.Helper()
	ctx := context.Background()
	if err := mo.client.RemoveBucketWithOptions(ctx, ingest.DefaultLetterBucket, minio.RemoveBucketOptions{ForceDelete: true}); err != nil {
		t.Fatal(err)
	}
	f = f.at(t, "chi-bo-thu-lai/"+path(f.key))
	etag := p.store.upload(t, f.key, f.data)
	id := ingest.DossierID(p.bucket, f.key, etag, "")
	waitFor(t, finalWithin, "dossier "+id+" dead_letter", func() error {
		var st ingest.State
		if _, err := p.api.getJSON("/v1/dossiers/"+id, &st); err != nil {
			return err
		}
		if st.Status != ingest.StatusDeadLetter {
			return fmt.Errorf("status %s", st.Status)
		}
		return nil
	})
	dead, err := p.api.list(url.Values{"status": {string(ingest.StatusDeadLetter)}})
	if err != nil || len(dead) != 1 || dead[0].ID != id {
		t.Errorf("?status=dead_letter lists %+v (%v), want only %s", dead, err, id)
	}
	if n := len(eventsFor(events(t, p.js), id)); n != 0 {
		t.Errorf("%d events for a dossier not done", n)
	}
	if err := runOnce(t, env, "setup"); err != nil {
		t.Fatal(err)
	}
	if err := runOnce(t, env, "redrive"); err != nil {
		t.Fatalf("hoso redrive: %v", err)
	}
	checkDossier(t, p, f, etag)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := p.js.Stream(ctx, ingest.DefaultDeadStream)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := s.Info(ctx); err != nil || info.State.Msgs != 0 {
		t.Errorf("dead-letter stream after redrive: %+v, %v; want empty", info.State, err)
	}
}

// postUpload sends a fixture through POST /v1/dossiers, for clients
// without S3, and follows it to its letter. The store announces the file
// too (MinIO's event, the folder watcher): still one dossier, one event.
func postUpload(t *testing.T, p pipeline, f fixture) {
	t.Helper()
	f = f.at(t, "chi-bo-qua-api/"+path(f.key)) // bytes of its own: the same bytes would be a duplicate
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("origin", "chi-bo-qua-api")
	fw, err := mw.CreateFormFile("file", "hồ sơ gửi qua API."+ext(hoso.Format(strings.TrimPrefix(filepath.Ext(f.key), "."))))
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(f.data)
	mw.Close()
	resp, err := p.api.do("POST", "/v1/dossiers", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct{ ID, Key string }
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusAccepted || got.ID == "" {
		t.Fatalf("POST /v1/dossiers: %s, %+v, %v", resp.Status, got, err)
	}
	f.key = got.Key
	if !strings.HasPrefix(f.key, "chi-bo-qua-api/") {
		t.Errorf("key %q lost the origin", f.key)
	}
	st := checkDossier(t, p, f, "")
	if st.ID != got.ID {
		t.Errorf("POST answered id %s, the dossier is %s", got.ID, st.ID)
	}
	drained(t, p.js, drainWithin)
	if evs := eventsFor(events(t, p.js), st.ID); len(evs) != 1 {
		t.Errorf("%d events for a file announced twice, want 1", len(evs))
	}
}

// noPersonalData checks that the candidates' names, and object keys that
// hold them, stayed out of the program's logs: logs carry dossier ids.
func noPersonalData(t *testing.T, fixtures []fixture, bgs ...*background) {
	t.Helper()
	for _, b := range bgs {
		out := b.out.String()
		for _, f := range fixtures {
			for _, s := range []string{f.person, f.key} {
				if s != "" && strings.Contains(out, s) {
					t.Errorf("the logs carry %q", s)
				}
			}
		}
	}
}

// path is the last element of a key.
func path(key string) string { return key[strings.LastIndex(key, "/")+1:] }

// runOnce runs a short command (setup, redrive) to completion.
func runOnce(t *testing.T, env map[string]string, args ...string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	m := &Main{
		Stdin: bytes.NewReader(nil), Stdout: newTestWriter(t), Stderr: newTestWriter(t),
		Getenv: func(k string) string { return env[k] }, Logger: testLogger(t),
	}
	return m.Run(ctx, args)
}

func TestRunFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	fixtures := loadFixtures(t)
	data := t.TempDir()
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	natsPort := freePort(t)
	env := map[string]string{"HOSO_RECONCILE_EVERY": "5s", "HOSO_SETTLE": "500ms", "HOSO_SCAN": "2s"}
	// PDF letters through LibreOffice here only: it costs seconds per
	// letter, and the wiring is the same in both modes.
	pdf := false
	if _, err := exec.LookPath("soffice"); err == nil || testenv.CI() {
		env["HOSO_PDF"] = "true"
		pdf = true
	}
	args := []string{"run", "--data", data, "--http", httpAddr, "--nats-listen", "127.0.0.1:" + strconv.Itoa(natsPort)}
	top := t
	bg := runMain(top, env, args...)
	instances := []*background{bg}
	defer func() { noPersonalData(t, fixtures, instances...) }()
	a := api{base: "http://" + httpAddr}
	a.waitReady(t)
	n := &natsServer{port: natsPort}
	_, js := n.client(t)
	a.token = automationToken(t, js)
	p := pipeline{
		pdf:    pdf,
		api:    a,
		store:  dirStore{uploads: filepath.Join(data, "uploads"), letters: filepath.Join(data, "letters")},
		js:     js,
		bucket: "uploads",
	}
	for _, f := range fixtures {
		p.store.upload(t, f.key, f.data)
	}
	states := map[string]ingest.State{}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) { states[f.key] = checkDossier(t, p, f, "") })
	}
	if t.Failed() {
		return
	}
	t.Run("redelivery", func(t *testing.T) { redeliver(t, p, states[fixtures[0].key]) })
	t.Run("POST upload", func(t *testing.T) { postUpload(t, p, fixtures[2]) })
	t.Run("same file again", func(t *testing.T) {
		// Rewriting identical bytes keeps the ETag, hence the dossier.
		f := fixtures[0]
		st := states[f.key]
		evBefore := len(events(t, js))
		os.WriteFile(filepath.Join(data, "uploads", filepath.FromSlash(f.key)), f.data, 0o644)
		// A new file dropped after it is handled after it too: once the
		// sentinel is done the rewrite has been seen.
		sentinel := fixtures[1]
		sentinel = sentinel.at(t, "chi-bo-sau/"+path(sentinel.key))
		p.store.upload(t, sentinel.key, sentinel.data)
		checkDossier(t, p, sentinel, "")
		drained(t, js, drainWithin)
		if n := len(events(t, js)); n != evBefore+1 {
			t.Errorf("rewriting the same file published %d events", n-evBefore-1)
		}
		if again := p.api.waitID(t, st.ID, 10*time.Second); again.Status != st.Status {
			t.Errorf("state changed: %s → %s", st.Status, again.Status)
		}
	})
	t.Run("stopped mid-dossier", func(t *testing.T) {
		// Ctrl-C while a dossier is in flight (with PDF letters LibreOffice
		// keeps it there a while): hoso exits cleanly, the work goes back
		// to NATS, and the next `hoso run` on the same folder finishes it
		// exactly once.
		f := fixtures[4]
		f = f.at(t, "chi-bo-dung-giua-chung/"+path(f.key))
		p.store.upload(t, f.key, f.data)
		// Polled without backoff: the window between the state's creation
		// and the letter is the PDF conversion, a second or so.
		var seen ingest.Status
		for deadline := time.Now().Add(finalWithin); seen == "" && time.Now().Before(deadline); {
			all, _ := p.api.list(nil)
			for _, st := range all {
				if st.Key == f.key {
					seen = st.Status
				}
			}
			time.Sleep(5 * time.Millisecond)
		}
		if seen == "" {
			t.Fatalf("%s never showed up", f.key)
		}
		t.Logf("stopping while the dossier is %s", seen)
		bg.stop(t)
		bg = runMain(top, env, args...)
		instances = append(instances, bg)
		p.api.waitReady(t)
		checkDossier(t, p, f, "")
	})
}
