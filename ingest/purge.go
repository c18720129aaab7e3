package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go/jetstream"
)

// Delete implements Store: removing a missing object is not an error.
func (d *Dir) Delete(ctx context.Context, bucket, key string) error {
	name, err := d.name(bucket, key)
	if err != nil {
		return err
	}
	if err := d.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("ingest: delete %s: %w", name, err)
	}
	d.mu.Lock()
	delete(d.etags, bucket+"/"+key)
	d.mu.Unlock()
	return nil
}

// Delete implements Store: removing a missing object is not an error.
func (s *S3) Delete(ctx context.Context, bucket, key string) error {
	if err := s.c.RemoveObject(ctx, bucket, key, minio.RemoveObjectOptions{}); err != nil {
		return s3Err(err, bucket, key)
	}
	return nil
}

// Purged describes a dossier Purge removed (or would remove, dry).
type Purged struct {
	ID      string    `json:"id"`
	Origin  string    `json:"origin"`
	Status  Status    `json:"status"`
	Updated time.Time `json:"updated"`
	Source  bool      `json:"source"`  // its upload was deleted too
	Outputs int       `json:"outputs"` // letters and record.json deleted
}

// Purge removes every dossier that reached a final state (or the dead
// letters) before the cut-off: its upload, when the key still holds this
// dossier's version (never a newer one), its letters and record.json, its
// content-index entry, and its state with the state's history. The upload
// goes first, so a purge that stops half-way never leaves an upload
// without state for the reconciler to read again. With dry set it only
// reports. The audit trail is not touched: it lives elsewhere and refuses
// deletion.
func Purge(ctx context.Context, js jetstream.JetStream, st Store, cfg Config, before time.Time, dry bool) ([]Purged, error) {
	cfg = cfg.WithDefaults()
	kv, err := js.KeyValue(ctx, cfg.StateBucket)
	if err != nil {
		return nil, fmt.Errorf("ingest: KV %s: %w", cfg.StateBucket, err)
	}
	states := States{kv: kv}
	var old []*State
	if err := states.each(ctx, func(s *State) {
		if (s.Status.Final() || s.Status == StatusDeadLetter) && s.Updated.Before(before) {
			old = append(old, s)
		}
	}); err != nil {
		return nil, err
	}
	content, _ := js.KeyValue(ctx, DefaultContentBucket)
	var out []Purged
	for _, s := range old {
		p := Purged{ID: s.ID, Origin: s.Origin, Status: s.Status, Updated: s.Updated}
		info, err := st.Stat(ctx, s.Bucket, s.Key)
		switch {
		case err == nil:
			p.Source = DossierID(s.Bucket, s.Key, normETag(info.ETag), info.VersionID) == s.ID ||
				DossierID(s.Bucket, s.Key, normETag(info.ETag), "") == s.ID
		case !errors.Is(err, ErrNotFound):
			return out, fmt.Errorf("ingest: purge %s: %w", s.ID, err)
		}
		var keys []string
		for o, err := range st.List(ctx, cfg.LetterBucket, LetterPrefix(s.Origin, s.ID)) {
			if err != nil {
				if errors.Is(err, ErrNotFound) {
					break
				}
				return out, fmt.Errorf("ingest: purge %s: %w", s.ID, err)
			}
			keys = append(keys, o.Key)
		}
		p.Outputs = len(keys)
		if dry {
			out = append(out, p)
			continue
		}
		if p.Source {
			if err := st.Delete(ctx, s.Bucket, s.Key); err != nil {
				return out, fmt.Errorf("ingest: purge %s: %w", s.ID, err)
			}
		}
		for _, k := range keys {
			if err := st.Delete(ctx, cfg.LetterBucket, k); err != nil {
				return out, fmt.Errorf("ingest: purge %s: %w", s.ID, err)
			}
		}
		if content != nil && s.SHA256 != "" {
			if e, err := content.Get(ctx, s.SHA256); err == nil && string(e.Value()) == s.ID {
				content.Purge(ctx, s.SHA256)
			}
		}
		// Purge, not Delete: the history of the key holds the object key,
		// which may carry the candidate's name.
		if err := kv.Purge(ctx, s.ID); err != nil {
			return out, fmt.Errorf("ingest: purge state %s: %w", s.ID, err)
		}
		out = append(out, p)
	}
	return out, nil
}
