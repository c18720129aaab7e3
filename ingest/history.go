package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/nats-io/nats.go/jetstream"
)

// History returns the states a dossier went through, oldest first, as
// the state bucket keeps them (its history depth), for 'hoso status'.
func History(ctx context.Context, js jetstream.JetStream, cfg Config, id string) ([]State, error) {
	cfg = cfg.WithDefaults()
	if !ValidID(id) {
		return nil, fmt.Errorf("%w: %q is not a dossier id", ErrNotFound, id)
	}
	kv, err := js.KeyValue(ctx, cfg.StateBucket)
	if err != nil {
		return nil, fmt.Errorf("ingest: KV %s: %w", cfg.StateBucket, err)
	}
	entries, err := kv.History(ctx, id)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, fmt.Errorf("%w: dossier %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("ingest: history of %s: %w", id, err)
	}
	var out []State
	for _, e := range entries {
		if e.Operation() != jetstream.KeyValuePut {
			continue
		}
		var st State
		if err := json.Unmarshal(e.Value(), &st); err == nil {
			out = append(out, st)
		}
	}
	return out, nil
}

// ByKey returns the dossiers made from uploads under key (every version
// of the file), newest first.
func ByKey(ctx context.Context, js jetstream.JetStream, cfg Config, key string) ([]*State, error) {
	cfg = cfg.WithDefaults()
	kv, err := js.KeyValue(ctx, cfg.StateBucket)
	if err != nil {
		return nil, fmt.Errorf("ingest: KV %s: %w", cfg.StateBucket, err)
	}
	var out []*State
	err = States{kv: kv}.each(ctx, func(st *State) {
		if st.Key == key {
			out = append(out, st)
		}
	})
	slices.SortFunc(out, func(a, b *State) int { return b.Created.Compare(a.Created) })
	return out, err
}
