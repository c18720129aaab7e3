package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher turns files dropped into a Dir store's upload folder into upload
// events, for the embedded mode where no MinIO sends them. A file is
// announced only once its size and modification time have not changed
// for Settle, so a file still being copied is never read half-written.
// fsnotify reports changes as they happen; a full scan every Scan catches
// what it misses (network folders, overflowed event queues).
type Watcher struct {
	Dir    *Dir
	Bucket string
	Settle time.Duration
	Scan   time.Duration
	// Enqueue announces a settled file; Known says whether a dossier id
	// already has a state, so files processed before a restart are not
	// queued again. Service.Watcher wires both to the service.
	Enqueue func(ctx context.Context, u Upload) error
	Known   func(ctx context.Context, id string) (bool, error)
	Logger  *slog.Logger
}

// Watcher returns a Watcher for d's upload folder that enqueues on s.
func (s *Service) Watcher(d *Dir) *Watcher {
	return &Watcher{
		Dir: d, Bucket: s.cfg.UploadBucket, Settle: s.cfg.Settle, Scan: s.cfg.Scan,
		Enqueue: func(ctx context.Context, u Upload) error { return s.Enqueue(ctx, u, "hoso-watcher") },
		Known:   s.Known,
		Logger:  s.log,
	}
}

// seen is what the watcher last observed of a file.
type seen struct {
	size  int64
	mtime time.Time
	since time.Time // when size or mtime last changed
}

// Run watches until ctx ends.
func (w *Watcher) Run(ctx context.Context) error {
	if w.Settle <= 0 {
		w.Settle = DefaultSettle
	}
	if w.Scan <= 0 {
		w.Scan = DefaultScan
	}
	if w.Logger == nil {
		w.Logger = slog.Default()
	}
	if err := w.Dir.MakeBucket(ctx, w.Bucket); err != nil {
		return err
	}
	root := w.Dir.BucketPath(w.Bucket)
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("ingest: watch %s: %w", root, err)
	}
	defer fw.Close()

	pending := map[string]*seen{}
	published := map[string]string{} // key → ETag announced

	note := func(p string) {
		key, ok := w.key(root, p)
		if !ok {
			return
		}
		fi, err := os.Lstat(p)
		if err != nil || !fi.Mode().IsRegular() {
			delete(pending, key)
			return
		}
		o := pending[key]
		if o == nil || o.size != fi.Size() || !o.mtime.Equal(fi.ModTime()) {
			pending[key] = &seen{size: fi.Size(), mtime: fi.ModTime(), since: time.Now()}
		}
	}
	// walk adds a watch on every folder under dir and notes every file.
	walk := func(dir string) {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != root && hidden(e.Name()) {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				if err := fw.Add(p); err != nil {
					w.Logger.Warn("ingest: cannot watch folder", "err", err)
				}
				return nil
			}
			note(p)
			return nil
		})
	}
	check := func() {
		now := time.Now()
		for key, o := range pending {
			p := filepath.Join(root, filepath.FromSlash(key))
			fi, err := os.Lstat(p)
			if err != nil || !fi.Mode().IsRegular() {
				delete(pending, key)
				continue
			}
			if fi.Size() != o.size || !fi.ModTime().Equal(o.mtime) {
				o.size, o.mtime, o.since = fi.Size(), fi.ModTime(), now
				continue
			}
			if now.Sub(o.since) < w.Settle {
				continue
			}
			if err := w.announce(ctx, key, published); err != nil {
				if ctx.Err() == nil {
					w.Logger.Warn("ingest: cannot queue a dropped file; will retry", "err", redact(err, key))
				}
				continue
			}
			delete(pending, key)
		}
	}

	walk(root)
	w.Logger.Info("ingest: watching the upload folder", "path", root)
	tick := time.NewTicker(min(w.Settle/2, time.Second))
	defer tick.Stop()
	scan := time.NewTicker(w.Scan)
	defer scan.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			check()
		case <-scan.C:
			walk(root)
		case ev, ok := <-fw.Events:
			if !ok {
				return errors.New("ingest: folder watch closed")
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				if key, ok := w.key(root, ev.Name); ok {
					delete(pending, key)
					delete(published, key)
				}
				continue
			}
			if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
				walk(ev.Name) // a new folder: watch it, and note files already inside
				continue
			}
			note(ev.Name)
		case err, ok := <-fw.Errors:
			if !ok {
				return errors.New("ingest: folder watch closed")
			}
			w.Logger.Warn("ingest: folder watch", "err", err)
		}
	}
}

// announce enqueues a settled file unless it was announced or processed.
func (w *Watcher) announce(ctx context.Context, key string, published map[string]string) error {
	info, err := w.Dir.Stat(ctx, w.Bucket, key)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if published[key] == info.ETag {
		return nil
	}
	u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: w.Bucket, Key: key, Size: info.Size,
		ETag: info.ETag, Time: info.ModTime}
	known, err := w.Known(ctx, u.ID())
	if err != nil {
		return err
	}
	if !known {
		if err := w.Enqueue(ctx, u); err != nil {
			return err
		}
		w.Logger.Info("ingest: queued a dropped file", "dossier", u.ID())
	}
	published[key] = info.ETag
	return nil
}

// key returns the object key of path p under root, false for paths the
// store would not list (hidden, editor locks, our temporaries, outside).
func (w *Watcher) key(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return "", false
	}
	key := filepath.ToSlash(rel)
	if checkKey(key) != nil {
		return "", false
	}
	for _, seg := range strings.Split(key, "/") {
		if hidden(seg) {
			return "", false
		}
	}
	return key, true
}

// hidden reports names the Dir store does not list.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}
