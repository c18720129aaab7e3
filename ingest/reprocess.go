package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ErrNotFinished refuses to reprocess a dossier still in the pipeline.
var ErrNotFinished = errors.New("ingest: dossier not finished")

// Reprocess puts finished dossiers back on the upload stream, to be read,
// validated and rendered again: after a rule-set or issuer change, or a
// fixed reader. Only rendered and failed dossiers move (a duplicate,
// superseded or withdrawn one has no upload of its own to read again);
// with ids only those, otherwise every one that finished at or after
// since. Each state goes back to received first, so a worker does the
// work instead of answering "done already"; the letters are overwritten
// in place, their keys being fixed by the dossier id. It returns the ids
// re-queued; an id that is unknown, not finished or not re-readable is an
// error naming it, after the others were re-queued.
func Reprocess(ctx context.Context, js jetstream.JetStream, cfg Config, since time.Time, ids ...string) ([]string, error) {
	cfg = cfg.WithDefaults()
	kv, err := js.KeyValue(ctx, cfg.StateBucket)
	if err != nil {
		return nil, fmt.Errorf("ingest: KV %s: %w", cfg.StateBucket, err)
	}
	states := States{kv: kv}
	var todo []*State
	var problems []string
	if len(ids) > 0 {
		for _, id := range ids {
			st, err := states.Get(ctx, id)
			switch {
			case errors.Is(err, ErrNotFound):
				problems = append(problems, id+": no such dossier")
			case err != nil:
				return nil, err
			case st.Status != StatusRendered && st.Status != StatusFailed:
				problems = append(problems, fmt.Sprintf("%s: %s, not rendered or failed", id, st.Status))
			default:
				todo = append(todo, st)
			}
		}
	} else if err := states.each(ctx, func(st *State) {
		if (st.Status == StatusRendered || st.Status == StatusFailed) && !st.Updated.Before(since) {
			todo = append(todo, st)
		}
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(todo, func(a, b *State) int { return a.Updated.Compare(b.Updated) })
	var done []string
	for _, st := range todo {
		u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: st.Bucket, Key: st.Key, Size: st.Size, ETag: st.ETag, Time: time.Now().UTC()}
		if u.ID() != st.ID {
			// A versioned upload: its id holds a version id the state
			// does not keep, so a new event would make another dossier.
			problems = append(problems, st.ID+": its upload cannot be named again (versioned bucket); upload the file again")
			continue
		}
		st.Status, st.Verdict, st.Error = StatusReceived, "", nil
		st.LetterKind, st.DOCX, st.PDF, st.Record, st.Review = "", "", "", "", nil
		st.Deliveries, st.Crashes = 0, 0
		if err := states.save(ctx, st); err != nil {
			if errors.Is(err, errConflict) {
				problems = append(problems, st.ID+": changed while being re-queued; try again")
				continue
			}
			return done, err
		}
		// A message id of its own: the dedup window must not swallow it
		// as a repeat of the dossier's first event.
		msgID := fmt.Sprintf("reprocess-%s-%d", st.ID, time.Now().UnixNano())
		if _, err := js.Publish(ctx, cfg.UploadSubject, EncodeEvent(u, "hoso-reprocess"), jetstream.WithMsgID(msgID)); err != nil {
			return done, fmt.Errorf("ingest: re-queue %s: %w", st.ID, err)
		}
		done = append(done, st.ID)
	}
	if len(problems) > 0 {
		return done, fmt.Errorf("%w: %s", ErrNotFinished, strings.Join(problems, "; "))
	}
	return done, nil
}
