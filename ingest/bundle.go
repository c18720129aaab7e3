package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Folder bundles (Config.FolderBundles). A dossier is often several
// files, each scanned on its own; a clerk puts them in a folder per
// candidate under the unit,
// <unit>/<candidate folder>/…, and the folder becomes one dossier once it
// is complete: when the marker object BundleMarker ("_xong", "done") is
// stored in it, or after Config.BundleQuiet (2 minutes) without a new
// file. The service then writes the folder's files as one ZIP,
// <unit>/<folder>/_ho-so-<hash>.zip, into the upload bucket, and that ZIP
// is processed exactly as an uploaded ZIP is. A file added later makes a
// new ZIP, a new version of the dossier, and the previous version is
// marked superseded by it.
//
// Names starting with "_" inside a folder are the service's (the marker,
// the bundles) and are never members.
const (
	BundleMarker = "_xong"
	bundlePrefix = "_ho-so-"
	// DefaultBundleQuiet: a clerk scanning a dossier page by page drops a
	// file every few seconds to a minute; two quiet minutes end it.
	DefaultBundleQuiet = 2 * time.Minute
)

// folderOf returns the folder prefix "<unit>/<folder>/" of a key that is
// a member of (or the marker of) a candidate folder; ok is false for a
// key of the usual "<unit>/<file>" shape and for the bundles the service
// writes, which are processed as uploads.
func folderOf(key string) (prefix string, ok bool) {
	parts := strings.Split(key, "/")
	if len(parts) < 3 {
		return "", false
	}
	if strings.HasPrefix(path.Base(key), bundlePrefix) {
		return "", false
	}
	return parts[0] + "/" + parts[1] + "/", true
}

// folders are the candidate folders this instance saw a file of and has
// not bundled yet. They are kept in memory only: an event is acked at
// once (a message held for a quiet period would hold one of the
// consumer's in-flight slots), and an instance that dies forgets its
// folders, which the reconciler's listing announces again.
type folders struct {
	mu      sync.Mutex
	pending map[string]bool
	once    sync.Once
}

// bundle handles an event of a folder member or marker: it bundles the
// folder at once when the marker is there (or the folder has been quiet
// long enough), else remembers the folder for the sweeper. It returns how
// to settle the message.
func (s *Service) bundle(ctx context.Context, u Upload, prefix string, log *slog.Logger) []byte {
	done, err := s.bundleFolder(ctx, prefix, log)
	if err != nil {
		return bodyNak(s.cfg.backoff(1))
	}
	if !done {
		s.folders.mu.Lock()
		if s.folders.pending == nil {
			s.folders.pending = map[string]bool{}
		}
		s.folders.pending[prefix] = true
		s.folders.mu.Unlock()
		s.folders.once.Do(func() { go s.sweep(ctx) })
	}
	return bodyAck
}

// sweep bundles the pending folders once they are quiet, until ctx ends.
func (s *Service) sweep(ctx context.Context) {
	every := min(max(s.bundleQuiet()/4, 50*time.Millisecond), 5*time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.folders.mu.Lock()
		var todo []string
		for p := range s.folders.pending {
			todo = append(todo, p)
		}
		s.folders.mu.Unlock()
		for _, p := range todo {
			done, err := s.bundleFolder(ctx, p, s.log.With("folder_bytes", len(p)))
			if err == nil && done {
				s.folders.mu.Lock()
				delete(s.folders.pending, p)
				s.folders.mu.Unlock()
			}
		}
	}
}

func (s *Service) bundleQuiet() time.Duration {
	if s.cfg.BundleQuiet <= 0 {
		return DefaultBundleQuiet
	}
	return s.cfg.BundleQuiet
}

// bundleFolder writes the folder's bundle when it is complete (marker, or
// quiet for Config.BundleQuiet); done is true once there is nothing more
// to wait for (bundled now or before, or no files).
func (s *Service) bundleFolder(ctx context.Context, prefix string, log *slog.Logger) (done bool, err error) {
	var members, bundles []ObjectInfo
	marker := false
	var total int64
	for o, err := range s.store.List(ctx, s.cfg.UploadBucket, prefix) {
		if err != nil {
			log.Warn("ingest: list candidate folder", "err", err)
			return false, err
		}
		name := path.Base(o.Key)
		switch {
		case name == BundleMarker:
			marker = true
		case strings.HasPrefix(name, bundlePrefix) && strings.HasSuffix(name, ".zip"):
			bundles = append(bundles, o)
		case strings.HasPrefix(name, "_") || hidden(name):
		default:
			members = append(members, o)
			total += o.Size
		}
	}
	if len(members) == 0 {
		return true, nil
	}
	slices.SortFunc(members, func(a, b ObjectInfo) int { return strings.Compare(a.Key, b.Key) })
	newest := members[0]
	for _, m := range members {
		if m.ModTime.After(newest.ModTime) {
			newest = m
		}
	}
	if !marker && time.Since(newest.ModTime) < s.bundleQuiet() {
		return false, nil
	}
	// The bundle's name is a digest of its members' names and contents:
	// the same folder makes the same bundle, whoever writes it and however
	// often its events come.
	h := sha256.New()
	for _, m := range members {
		io.WriteString(h, m.Key+"\x00"+m.ETag+"\x00")
	}
	key := prefix + bundlePrefix + hex.EncodeToString(h.Sum(nil))[:12] + ".zip"
	for _, b := range bundles {
		if b.Key == key {
			return true, nil
		}
	}
	if total > s.cfg.MaxObjectSize {
		log.Warn("ingest: candidate folder larger than the upload limit; not bundled", "bytes", total)
		return true, nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		rc, _, err := s.store.Get(ctx, s.cfg.UploadBucket, m.Key)
		if err != nil {
			log.Warn("ingest: read a candidate folder's file", "err", err)
			return false, err
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: strings.TrimPrefix(m.Key, prefix), Method: zip.Deflate, Modified: m.ModTime})
		if err == nil {
			_, err = io.Copy(f, io.LimitReader(rc, s.cfg.MaxObjectSize+1))
		}
		rc.Close()
		if err != nil {
			return false, err
		}
	}
	if err := zw.Close(); err != nil {
		return false, err
	}
	info, err := s.store.Put(ctx, s.cfg.UploadBucket, key, &buf, int64(buf.Len()), "application/zip")
	if err != nil {
		log.Warn("ingest: write a candidate folder's bundle", "err", err)
		return false, err
	}
	nu := Upload{EventName: "s3:ObjectCreated:Put", Bucket: s.cfg.UploadBucket, Key: key, Size: info.Size,
		ETag: info.ETag, VersionID: info.VersionID, Time: info.ModTime}
	if err := s.Enqueue(ctx, nu, "hoso-bundle"); err != nil {
		log.Warn("ingest: bundle stored but not queued; the reconciler will", "dossier", nu.ID(), "err", err)
	}
	log.Info("ingest: candidate folder bundled", "dossier", nu.ID(), "files", len(members), "marker", marker)
	// The previous version of the folder's dossier gives way to this one.
	for _, b := range bundles {
		old := DossierID(b.Bucket, b.Key, b.ETag, b.VersionID)
		if st, err := s.states.Get(ctx, old); err == nil && st.Status.Final() && st.Status != StatusSuperseded {
			s.relink(ctx, old, StatusSuperseded, nu.ID())
		}
	}
	return true, nil
}
