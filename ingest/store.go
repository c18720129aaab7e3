package ingest

import (
	"context"
	"errors"
	"io"
	"iter"
	"os"
	"strings"
	"time"
)

// Store is the object storage the pipeline reads uploads from and writes
// letters to: S3 (MinIO or any S3 service) or Dir (a local folder).
type Store interface {
	// Get streams an object. The caller closes the reader.
	Get(ctx context.Context, bucket, key string) (io.ReadCloser, ObjectInfo, error)
	// Stat describes an object without reading it.
	Stat(ctx context.Context, bucket, key string) (ObjectInfo, error)
	// Put writes an object of size bytes (-1 when unknown), replacing any
	// object of that key.
	Put(ctx context.Context, bucket, key string, r io.Reader, size int64, contentType string) (ObjectInfo, error)
	// List yields the objects whose key starts with prefix, recursively.
	List(ctx context.Context, bucket, prefix string) iter.Seq2[ObjectInfo, error]
	// MakeBucket creates a bucket unless it exists.
	MakeBucket(ctx context.Context, bucket string) error
	// Delete removes an object; a missing one is not an error. Only
	// `hoso purge` deletes: uploads are never replaced or removed by the
	// pipeline.
	Delete(ctx context.Context, bucket, key string) error
}

// ObjectInfo describes a stored object.
type ObjectInfo struct {
	Bucket      string
	Key         string
	Size        int64
	ETag        string // without quotes
	VersionID   string
	ModTime     time.Time
	ContentType string
}

// ErrNotFound is returned (wrapped) by a Store for a missing bucket or
// object; test with errors.Is.
var ErrNotFound = errors.New("ingest: object not found")

// normETag strips the quotes S3 puts around ETags and lowercases them, so
// the ETag of an event, of a listing and of a Stat compare equal.
func normETag(s string) string {
	return strings.ToLower(strings.Trim(s, `"`))
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "local"
	}
	return h
}
