package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/sandbox"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Service is the pipeline of one instance: workers consuming the upload
// stream, the dead-letter mover, the reconciler, and the HTTP API. Any
// number of instances may share one NATS and one store.
type Service struct {
	cfg    Config
	js     jetstream.JetStream
	store  Store
	proc   Processor
	states States
	log    *slog.Logger
	m      *metrics

	started   time.Time
	lastFetch atomic.Int64 // unix nanoseconds of the last fetch NATS answered
	busy      atomic.Int32 // messages being worked on
	folders   folders      // candidate folders waiting to be bundled (bundle.go)
	// retried is when a worker last handed a message back after a
	// transient failure: the others pause fetching briefly, so an
	// instance whose store or NATS is failing does not take every queued
	// dossier only to hand it back.
	retried atomic.Int64
	// working maps the dossiers this instance's workers hold to the
	// stream sequence of the message each works under (see handle).
	working sync.Map

	contentMu sync.Mutex
	content   jetstream.KeyValue // the content index, once open (lineage.go)
}

// New returns a Service on streams and buckets that Setup has created.
// cfg's empty fields take their defaults.
func New(ctx context.Context, js jetstream.JetStream, st Store, p Processor, cfg Config) (*Service, error) {
	cfg = cfg.WithDefaults()
	if js == nil || st == nil || p == nil {
		return nil, hoso.Errorf(hoso.EINVALID, "thiếu NATS, kho lưu trữ hoặc bộ xử lý", "ingest.New needs NATS, a store and a processor")
	}
	kv, err := js.KeyValue(ctx, cfg.StateBucket)
	if err != nil {
		return nil, fmt.Errorf("ingest: open KV %s (run setup first): %w", cfg.StateBucket, err)
	}
	return &Service{cfg: cfg, js: js, store: st, proc: p, states: States{kv}, log: cfg.Logger, m: newMetrics(), started: time.Now()}, nil
}

// Config returns the configuration in effect, defaults filled in.
func (s *Service) Config() Config { return s.cfg }

// States returns the dossier states.
func (s *Service) States() States { return s.states }

// Run consumes uploads with Config.Workers workers, moves dead letters and
// reconciles the upload bucket, until ctx ends. It returns nil after a
// clean stop; a message being worked on when ctx ends is handed back to
// NATS for another instance.
func (s *Service) Run(ctx context.Context) error {
	cons, err := ensureConsumer(ctx, s.js, s.cfg)
	if err != nil {
		if ctx.Err() != nil {
			// Stopped while starting (a quick Ctrl-C, a test's stop right
			// after /readyz): a shutdown, not a failure.
			return nil
		}
		return err
	}
	var wg sync.WaitGroup
	for range s.cfg.Workers {
		wg.Go(func() { s.pull(ctx, cons, s.handle) })
	}
	wg.Go(func() { s.moveDeadLetters(ctx) })
	wg.Go(func() { s.reconcileLoop(ctx) })
	s.log.Info("ingest: workers started", "workers", s.cfg.Workers, "stream", s.cfg.UploadStream,
		"consumer", s.cfg.Consumer, "bucket", s.cfg.UploadBucket)
	wg.Wait()
	return nil
}

// Stalled reports why the workers cannot make progress, or "" when they
// can: a worker busy on a file is progress; otherwise some fetch must have
// been answered by NATS within the last minute.
func (s *Service) Stalled() string {
	if nc := s.js.Conn(); nc != nil && nc.IsClosed() {
		return "the NATS connection is closed for good"
	}
	if s.busy.Load() > 0 {
		return ""
	}
	last := s.started
	if n := s.lastFetch.Load(); n != 0 {
		last = time.Unix(0, n)
	}
	if d := time.Since(last); d > stallAfter {
		return fmt.Sprintf("no answer from NATS to the workers for %s", d.Round(time.Second))
	}
	return ""
}

// stallAfter is how long workers may go without an answer from NATS
// before /healthz fails: longer than one fetch (2 s) plus a reconnect.
const stallAfter = time.Minute

// pull fetches one message at a time, so no message waits in a local
// buffer while its ack timer runs.
func (s *Service) pull(ctx context.Context, cons jetstream.Consumer, handle func(context.Context, jetstream.Msg)) {
	for ctx.Err() == nil {
		if d := time.Until(time.Unix(0, s.retried.Load()).Add(min(retryPause, s.cfg.backoff(1)))); d > 0 {
			sleep(ctx, d)
			continue
		}
		// Short: a pull request waiting at a consumer leader that dies is
		// lost, and only its expiry makes the worker ask the new leader.
		fctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		batch, err := cons.Fetch(1, jetstream.FetchContext(fctx))
		if err != nil {
			cancel()
			if ctx.Err() == nil {
				s.log.Warn("ingest: fetch", "err", err)
				sleep(ctx, time.Second)
			}
			continue
		}
		for msg := range batch.Messages() {
			s.lastFetch.Store(time.Now().UnixNano())
			handle(ctx, msg)
		}
		cancel()
		if err := batch.Error(); err != nil && ctx.Err() == nil &&
			!errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, nats.ErrTimeout) {
			s.log.Warn("ingest: fetch", "err", err)
			sleep(ctx, time.Second)
		} else {
			s.lastFetch.Store(time.Now().UnixNano())
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// outcome is what a worker decided about one message.
type outcome int

const (
	outDone      outcome = iota // final state reached: ack (term for failures)
	outIgnored                  // not for us: ack
	outDuplicate                // already final: ack without work
	outHeld                     // another message of the same upload is being worked on: ack
)

// handle runs one message to its end: ack, nak with delay or term.
func (s *Service) handle(ctx context.Context, msg jetstream.Msg) {
	start := time.Now()
	var delivered uint64 = 1
	if md, err := msg.Metadata(); err == nil {
		delivered = md.NumDelivered
	}
	u, err := DecodeEvent(msg.Data())
	if err != nil {
		s.log.Warn("ingest: dropping a message that is not a MinIO event", "err", err)
		s.m.message("malformed")
		s.settle(ctx, msg, bodyTerm("not a MinIO event"))
		return
	}
	if !u.Acts() || u.Bucket != s.cfg.UploadBucket {
		s.m.message("ignored")
		s.settle(ctx, msg, bodyAck)
		return
	}
	id := u.ID()
	// The unit (the first folder) lets a clerk tell files apart in the
	// log; the rest of the key may carry a name and stays out.
	log := s.log.With("dossier", id, "unit", u.Origin(), "delivery", delivered)
	if err := CheckKey(u.Key); err != nil {
		// Not a key any store gives out; naming outputs after it would fail
		// for ever. The key itself is not logged: it may carry a name.
		log.Warn("ingest: dropping an event with an invalid object key", "key_bytes", len(u.Key))
		s.m.message("malformed")
		s.settle(ctx, msg, bodyTerm("invalid object key"))
		return
	}
	if prefix, ok := folderOf(u.Key); ok && s.cfg.FolderBundles {
		// A file of a candidate folder: the folder, not the file, is the
		// dossier (bundle.go).
		s.m.message("bundle")
		s.settle(ctx, msg, s.bundle(ctx, u, prefix, log))
		return
	}
	// One upload is often announced twice: MinIO's event carries no
	// Nats-Msg-Id, so the API's or the reconciler's announcement of the
	// same object is a second message, and with synchronous events both
	// arrive within a millisecond. While a worker of this instance holds
	// the dossier under another message, this one is acked: the held
	// message stays in the stream until its dossier is final, and comes
	// back if this instance dies. (A redelivery of the very message a
	// worker holds is not acked: that would drop the only one.)
	var seq uint64
	if md, err := msg.Metadata(); err == nil {
		seq = md.Sequence.Stream
	}
	if seq != 0 {
		if held, busy := s.working.LoadOrStore(id, seq); busy {
			if held.(uint64) != seq {
				log.Info("ingest: another message of this upload is being worked on here, acking this one")
				s.m.message("duplicate")
				s.settle(ctx, msg, bodyAck)
				return
			}
		} else {
			defer s.working.Delete(id)
		}
	}
	s.busy.Add(1)
	defer s.busy.Add(-1)

	// Long OCR or conversion must not look like a dead worker.
	hbCtx, stopHB := context.WithCancel(ctx)
	defer stopHB()
	go heartbeat(hbCtx, msg, s.cfg.AckWait/3)

	last := delivered >= uint64(s.cfg.MaxDeliver)
	st, out, err := s.process(ctx, u, id, delivered, last, log)
	if err != nil && ctx.Err() == nil && s.retryInPlace(ctx, err, log.With("err", redact(err, u.Key))) {
		st, out, err = s.process(ctx, u, id, delivered, last, log)
	}
	stopHB()
	switch {
	case err != nil:
		// process returns only retryable errors (store, NATS, shutdown):
		// everything wrong with the file itself has become a failed state.
		delay := s.cfg.backoff(delivered)
		if ctx.Err() != nil {
			delay = 0 // shutting down: let another instance take it now
		}
		log.Warn("ingest: transient failure, retrying later", "err", redact(err, u.Key), "delay", delay)
		s.m.message("retry")
		s.m.failure(string(hoso.ETRANSIENT))
		s.noteRetry(context.WithoutCancel(ctx), st, err, delivered)
		s.retried.Store(time.Now().UnixNano())
		if delay > 0 && delay <= min(holdMax, s.cfg.AckWait/2) {
			// A short delay is waited here, the message kept, and then
			// handed back at once: a delayed nak lives only in the memory
			// of the consumer leader, and one that met a leader change was
			// seen to come back after 100 s instead of 5 s.
			sleep(ctx, delay)
			delay = 0
		}
		s.settle(ctx, msg, bodyNak(delay))
	case out == outIgnored:
		s.m.message("ignored")
		s.settle(ctx, msg, bodyAck)
	case out == outDuplicate:
		log.Info("ingest: already done, acking redelivery", "status", st.Status)
		s.m.message("duplicate")
		s.settle(ctx, msg, bodyAck)
	case out == outHeld:
		log.Info("ingest: another message of this upload is being worked on, acking this one")
		s.m.message("duplicate")
		s.settle(ctx, msg, bodyAck)
	case st.Status == StatusFailed:
		log.Info("ingest: dossier rejected", "code", st.Error.Code)
		s.m.message("failed")
		s.m.failure(string(st.Error.Code))
		s.m.observe("total", time.Since(start))
		s.settle(ctx, msg, bodyTerm("rejected: "+string(st.Error.Code)))
	default:
		log.Info("ingest: dossier done", "verdict", st.Verdict, "letter", st.LetterKind)
		s.m.message("completed")
		s.m.verdict(string(st.Verdict))
		s.m.observe("total", time.Since(start))
		s.settle(ctx, msg, bodyAck)
	}
}

func heartbeat(ctx context.Context, msg jetstream.Msg, every time.Duration) {
	if every < 100*time.Millisecond {
		every = 100 * time.Millisecond
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			msg.InProgress()
		}
	}
}

// transient marks err as worth retrying: store and NATS failures. vi and
// en say what could not be done ("ghi công văn", "write the letter").
func transient(err error, vi, en string) error {
	if err == nil || hoso.Code(err) != hoso.EINTERNAL {
		return err
	}
	return &hoso.Error{Code: hoso.ETRANSIENT, Err: err,
		VI: "Tạm thời không " + vi + " được, sẽ thử lại.", EN: "cannot " + en + " for now, will retry"}
}

// process does the work for one upload and returns the state reached.
func (s *Service) process(ctx context.Context, u Upload, id string, delivered uint64, last bool, log *slog.Logger) (*State, outcome, error) {
	st, err := s.states.Get(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound):
		st = &State{ID: id, Status: StatusReceived, Origin: u.Origin(), Bucket: u.Bucket, Key: u.Key, ETag: u.ETag, Size: u.Size}
	case err != nil:
		return nil, 0, transient(err, "đọc trạng thái hồ sơ", "read dossier state")
	case st.Status.Final():
		return st, outDuplicate, nil
	}

	// One GET: its answer describes the object before a byte of it is
	// read, so nothing is asked twice (a HEAD first cost MinIO as much as
	// the GET itself).
	rc, info, err := s.store.Get(ctx, u.Bucket, u.Key)
	if errors.Is(err, ErrNotFound) {
		return s.gone(ctx, st, log, "xoá", "removed")
	}
	if err != nil {
		return st, 0, transient(err, "đọc kho lưu trữ", "reach the store")
	}
	defer func() {
		if rc != nil {
			rc.Close()
		}
	}()
	if u.ETag != "" && normETag(info.ETag) != u.ETag {
		// Overwritten since the event: the newer version has its own event
		// and its own dossier id.
		return s.gone(ctx, st, log, "thay bằng bản mới", "replaced by a newer version")
	}
	st.Size = info.Size
	st.Deliveries = delivered
	if st.Crashes >= s.cfg.MaxCrashes {
		// A poison pill: every earlier reading of this file died with its
		// worker or parser. Reading it again would only die again.
		log.Warn("ingest: file crashed its readers before, rejecting", "crashes", st.Crashes)
		return s.fail(ctx, st, &hoso.Error{Code: hoso.EUNREADABLE,
			VI: fmt.Sprintf("Tệp đã làm trình đọc bị dừng đột ngột %d lần; tệp bị hỏng hoặc được tạo để gây hại, không đọc lại", st.Crashes),
			EN: fmt.Sprintf("reading this file killed the reader %d times; it is corrupt or crafted and is not read again", st.Crashes)})
	}
	if info.Size > s.cfg.MaxObjectSize {
		return s.fail(ctx, st, hoso.Errorf(hoso.ETOOLARGE,
			"tệp quá lớn (%d byte, tối đa %d)", "file too large (%d bytes, limit %d)", info.Size, s.cfg.MaxObjectSize))
	}

	r, size, cleanup, err := s.open(ctx, u, rc, info)
	rc = nil // open took it
	if err != nil {
		if hoso.Code(err) == hoso.ETOOLARGE {
			return s.fail(ctx, st, err)
		}
		return st, 0, transient(err, "đọc tệp tải lên", "read the upload")
	}
	defer cleanup()
	if first, err := s.firstWithContent(ctx, st, r, size); err != nil {
		return st, 0, err
	} else if first != nil {
		return s.duplicate(ctx, st, first, log)
	}

	st.Status = StatusExtracting
	st.Error = nil
	// Counted before the work starts, durably: if this process dies
	// while reading, the next delivery finds the count raised.
	st.Crashes++
	if err := s.states.save(ctx, st); err != nil {
		st.Crashes--
		if errors.Is(err, errConflict) && st.rev == 0 {
			// Another worker created the state since we found none: it
			// works on another message of this upload (see handle), which
			// stays in the stream until the dossier is final. Only
			// workers create states.
			return st, outHeld, nil
		}
		return st, 0, transient(err, "ghi trạng thái", "write state")
	}

	in := Input{
		DossierID: id, Bucket: u.Bucket, Key: u.Key, ETag: u.ETag, R: r, Size: size,
		Date: hoso.DateOf(info.ModTime.In(s.cfg.Location)), LastTry: last,
		Stage: func(stage string, took time.Duration) {
			s.m.observe(stage, took)
			if stage == "validate" {
				st.Status = StatusValidated
				if err := s.states.save(ctx, st); err != nil {
					log.Warn("ingest: could not record validation", "err", err)
				}
			}
		},
	}
	out, err := s.safeProcess(ctx, in)
	// The work ended, unless a parsing child was killed from outside its
	// limits: that counts as a crash too. The count is saved with the
	// state that follows (final, or the retry note).
	if !errors.Is(err, sandbox.ErrCrashed) {
		st.Crashes--
	}
	if err != nil {
		if hoso.Transient(err) || ctx.Err() != nil {
			return st, 0, err
		}
		return s.fail(ctx, st, err)
	}
	if out == nil || out.Record == nil {
		return s.fail(ctx, st, hoso.Errorf(hoso.EINTERNAL, "bộ xử lý không trả về hồ sơ", "processor returned no record"))
	}
	rec := out.Record
	if rec.Verdict == hoso.VerdictRejected {
		if rec.Error == nil {
			rec.Reject(hoso.Errorf(hoso.EUNREADABLE, "không đọc được hồ sơ", "the dossier could not be read"))
		}
		return s.failRecord(ctx, st, rec)
	}
	return s.complete(ctx, st, u, rec, out.Letters)
}

// gone handles an upload whose object was removed or replaced before it
// was read. Without a state it is simply dropped; a dossier already under
// way (a worker died mid-way) is closed as failed, so it does not stay in
// progress for ever.
func (s *Service) gone(ctx context.Context, st *State, log *slog.Logger, vi, en string) (*State, outcome, error) {
	if st.rev == 0 {
		log.Info("ingest: object " + en + " before processing, ignoring")
		return st, outIgnored, nil
	}
	return s.fail(ctx, st, &hoso.Error{Code: hoso.EEMPTY,
		VI: "tệp đã bị " + vi + " trước khi xử lý xong", EN: "the file was " + en + " before processing finished"})
}

// safeProcess runs the processor, turning a panic into an EINTERNAL error:
// a parser crashing on a hostile file must not take the worker down.
func (s *Service) safeProcess(ctx context.Context, in Input) (out *Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = hoso.Errorf(hoso.EINTERNAL, "lỗi nội bộ khi xử lý tệp", "internal error while processing: %v", r)
		}
	}()
	return s.proc.Process(ctx, in)
}

// open gives random access to the upload read from rc, which it takes
// over: directly when the store handed out a file, in memory up to
// smallUpload, else through a size-limited spool file.
func (s *Service) open(ctx context.Context, u Upload, rc io.ReadCloser, info ObjectInfo) (io.ReaderAt, int64, func(), error) {
	if f, ok := rc.(*os.File); ok {
		return f, info.Size, func() { f.Close() }, nil
	}
	defer rc.Close()
	if info.Size >= 0 && info.Size <= smallUpload {
		// A dossier is tens of kilobytes: memory, not a temporary file
		// to create, write and remove.
		b, err := io.ReadAll(io.LimitReader(ctxReader{ctx, rc}, info.Size+1))
		if err != nil {
			return nil, 0, nil, fmt.Errorf("ingest: read %s: %w", u.Key, err)
		}
		if int64(len(b)) == info.Size {
			return bytes.NewReader(b), info.Size, func() {}, nil
		}
		// The object is not the size its answer said: spool what came
		// and the rest, and let the limit below judge.
		rc = io.NopCloser(io.MultiReader(bytes.NewReader(b), rc))
	}
	f, err := os.CreateTemp(s.cfg.SpoolDir, "hoso-spool-*")
	if err != nil {
		return nil, 0, nil, fmt.Errorf("ingest: spool: %w", err)
	}
	cleanup := func() { f.Close(); os.Remove(f.Name()) }
	n, err := io.Copy(f, io.LimitReader(ctxReader{ctx, rc}, s.cfg.MaxObjectSize+1))
	if err != nil {
		cleanup()
		return nil, 0, nil, fmt.Errorf("ingest: read %s: %w", u.Key, err)
	}
	if n > s.cfg.MaxObjectSize {
		cleanup()
		return nil, 0, nil, hoso.Errorf(hoso.ETOOLARGE, "tệp quá lớn (tối đa %d byte)", "file too large (limit %d bytes)", s.cfg.MaxObjectSize)
	}
	return f, n, cleanup, nil
}

// LetterPrefix returns the folder of a dossier's outputs in the letter
// bucket: letters/<origin>/<id>/ (letters/<id>/ without an origin).
func LetterPrefix(origin, id string) string { return process.LetterPrefix(origin, id) }

// complete writes the letters and record.json, announces the outcome and
// records the final state — in that order, so a crash anywhere before the
// state is written redoes the same deterministic writes on redelivery.
func (s *Service) complete(ctx context.Context, st *State, u Upload, rec *hoso.Record, docs []Document) (*State, outcome, error) {
	prefix := LetterPrefix(st.Origin, st.ID)
	rec.DossierID = st.ID
	if rec.Source.Bucket == "" {
		rec.Source.Bucket = u.Bucket
	}
	rec.Source.Key = u.Key
	if rec.Source.ETag == "" {
		rec.Source.ETag = u.ETag
	}
	start := time.Now()
	keyOf := func(d Document) string { return prefix + string(d.Kind) + "." + d.Ext }
	for _, d := range docs {
		if _, err := s.store.Put(ctx, s.cfg.LetterBucket, keyOf(d), bytes.NewReader(d.Data), int64(len(d.Data)), d.ContentType); err != nil {
			return st, 0, transient(err, "ghi công văn", "write the letter")
		}
	}
	if l := LetterOf(docs, keyOf); l != nil {
		rec.Letter = l
	}
	if err := s.putRecord(ctx, prefix, rec); err != nil {
		return st, 0, err
	}
	s.m.observe("store", time.Since(start))
	st.Status = StatusRendered
	st.Verdict = rec.Verdict
	st.Record = prefix + "record.json"
	st.Review = rec.Review()
	if rec.Letter != nil {
		st.LetterKind, st.DOCX, st.PDF = rec.Letter.Kind, rec.Letter.DOCX, rec.Letter.PDF
	}
	return s.finish(ctx, st)
}

// fail rejects the dossier for good: record.json with the reason, the
// failed event, final state.
func (s *Service) fail(ctx context.Context, st *State, cause error) (*State, outcome, error) {
	rec := hoso.NewRecord()
	rec.Reject(cause)
	return s.failRecord(ctx, st, rec)
}

// failRecord is fail with the rejected record a processor made, which
// keeps what extract learned (format, hash, warnings) next to the reason.
func (s *Service) failRecord(ctx context.Context, st *State, rec *hoso.Record) (*State, outcome, error) {
	rec.DossierID = st.ID
	rec.Source.Bucket, rec.Source.Key = st.Bucket, st.Key
	if rec.Source.ETag == "" {
		rec.Source.ETag = st.ETag
	}
	rec.Letter = nil
	prefix := LetterPrefix(st.Origin, st.ID)
	if err := s.putRecord(ctx, prefix, rec); err != nil {
		return st, 0, err
	}
	st.Status = StatusFailed
	st.Verdict = hoso.VerdictRejected
	st.Error = rec.Error
	st.Record = prefix + "record.json"
	return s.finish(ctx, st)
}

func (s *Service) putRecord(ctx context.Context, prefix string, rec *hoso.Record) error {
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return hoso.Wrap(err, hoso.EINTERNAL, "không ghi được record.json", "cannot encode record.json")
	}
	b = append(b, '\n')
	if _, err := s.store.Put(ctx, s.cfg.LetterBucket, prefix+"record.json", bytes.NewReader(b), int64(len(b)), "application/json"); err != nil {
		return transient(err, "ghi record.json", "write record.json")
	}
	return nil
}

// finish publishes the event, then saves the final state. Publishing first
// means a crash in between repeats the event (same Nats-Msg-Id, and
// consumers may drop a repeated CloudEvents id) instead of losing it.
func (s *Service) finish(ctx context.Context, st *State) (*State, outcome, error) {
	st.Updated = time.Now().UTC()
	ev := eventOf(st, s.cfg.Source)
	subj := s.cfg.EventPrefix + ".completed"
	if st.Status == StatusFailed {
		subj = s.cfg.EventPrefix + ".failed"
	}
	m := nats.NewMsg(subj)
	m.Data = ev.marshal()
	m.Header.Set("Content-Type", ContentType)
	if _, err := s.js.PublishMsg(ctx, m, jetstream.WithMsgID(ev.ID)); err != nil {
		return st, 0, transient(err, "gửi sự kiện", "publish the event")
	}
	err := s.states.save(ctx, st)
	if errors.Is(err, errConflict) {
		// Someone wrote the state since we read it: another worker that
		// finished the same dossier (same outputs), or a stale revision.
		cur, gerr := s.states.Get(ctx, st.ID)
		if gerr == nil && cur.Status.Final() {
			return cur, outDone, nil
		}
		if gerr == nil {
			st.rev, st.Created = cur.rev, cur.Created
			err = s.states.save(ctx, st)
		}
	}
	if err != nil {
		return st, 0, transient(err, "ghi trạng thái", "write state")
	}
	return st, outDone, nil
}

// redact removes the object key from an error's text before it is logged:
// clerks name files after the candidate, and logs must not carry names.
func redact(err error, key string) string {
	msg := err.Error()
	if key == "" {
		return msg
	}
	for _, k := range []string{key, url.QueryEscape(key), url.PathEscape(key)} {
		msg = strings.ReplaceAll(msg, k, "<object-key>")
	}
	return msg
}

// noteRetry records a transient error in the state, best effort, so the
// API shows why a dossier waits.
func (s *Service) noteRetry(ctx context.Context, st *State, cause error, delivered uint64) {
	if st == nil || st.rev == 0 {
		return
	}
	st.Error = hoso.Info(cause)
	st.Deliveries = delivered
	if err := s.states.save(ctx, st); err != nil {
		s.log.Debug("ingest: could not note retry", "dossier", st.ID, "err", err)
	}
}
