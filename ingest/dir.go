package ingest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"mime"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso"
)

// Dir is a Store on a local folder: bucket b, key k is the file
// <root>/<b>/<k>. It serves the embedded mode (`hoso run`), where there is
// no object storage server.
//
// Keys that would leave the root — "..", absolute paths, symlinks pointing
// outside — are refused with an EINVALID *hoso.Error; the check is lexical
// and, for symlinks, enforced by os.Root. Writes go to a temporary file that
// is renamed into place, so a reader never sees half a letter. The ETag is
// the first 16 bytes of the content's SHA-256 in hex, cached per file
// size and modification time. Files whose name starts with "." or "~$"
// (editor locks, our own temporaries) are not listed.
type Dir struct {
	root *os.Root
	path string

	mu    sync.Mutex
	etags map[string]etagEntry
}

type etagEntry struct {
	size  int64
	mtime time.Time
	etag  string
}

const tmpPrefix = ".hoso-tmp-"

// OpenDir opens (creating it if needed) the folder root as a Store.
func OpenDir(root string) (*Dir, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("ingest: create %s: %w", root, err)
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, fmt.Errorf("ingest: open %s: %w", root, err)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	return &Dir{root: r, path: abs, etags: map[string]etagEntry{}}, nil
}

// Close releases the folder.
func (d *Dir) Close() error { return d.root.Close() }

// Path returns the absolute path of the folder.
func (d *Dir) Path() string { return d.path }

// BucketPath returns the absolute path of bucket's folder.
func (d *Dir) BucketPath(bucket string) string { return filepath.Join(d.path, bucket) }

// name returns the slash-separated path of bucket/key inside the root, or
// an EINVALID error when either would escape it.
func (d *Dir) name(bucket, key string) (string, error) {
	if err := checkBucket(bucket); err != nil {
		return "", err
	}
	if err := checkKey(key); err != nil {
		return "", err
	}
	return bucket + "/" + key, nil
}

func checkBucket(b string) error {
	if len(b) < 3 || len(b) > 63 {
		return hoso.Errorf(hoso.EINVALID, "tên bucket %q không hợp lệ", "invalid bucket name %q", b)
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return hoso.Errorf(hoso.EINVALID, "tên bucket %q không hợp lệ", "invalid bucket name %q", b)
		}
	}
	if strings.Contains(b, "..") {
		return hoso.Errorf(hoso.EINVALID, "tên bucket %q không hợp lệ", "invalid bucket name %q", b)
	}
	return nil
}

// checkKey refuses keys that are not a clean relative path: the folder
// store must never read or write outside its root.
func checkKey(k string) error {
	bad := k == "" || strings.HasPrefix(k, "/") || strings.ContainsAny(k, "\\\x00") ||
		filepath.IsAbs(k) || strings.HasSuffix(k, "/")
	if !bad {
		for _, seg := range strings.Split(k, "/") {
			if seg == "" || seg == "." || seg == ".." {
				bad = true
				break
			}
		}
	}
	if bad {
		return hoso.Errorf(hoso.EINVALID,
			"khoá đối tượng %q không hợp lệ (ra ngoài thư mục gốc hoặc rỗng)",
			"object key %q is invalid (empty or escapes the root)", k)
	}
	return nil
}

func notFound(bucket, key string, err error) error {
	return fmt.Errorf("%w: %s/%s: %v", ErrNotFound, bucket, key, err)
}

// Get implements Store.
func (d *Dir) Get(ctx context.Context, bucket, key string) (io.ReadCloser, ObjectInfo, error) {
	name, err := d.name(bucket, key)
	if err != nil {
		return nil, ObjectInfo{}, err
	}
	f, err := d.root.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ObjectInfo{}, notFound(bucket, key, err)
		}
		return nil, ObjectInfo{}, fmt.Errorf("ingest: open %s: %w", name, err)
	}
	info, err := d.info(f, bucket, key)
	if err != nil {
		f.Close()
		return nil, ObjectInfo{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, ObjectInfo{}, err
	}
	return f, info, nil
}

// Stat implements Store.
func (d *Dir) Stat(ctx context.Context, bucket, key string) (ObjectInfo, error) {
	name, err := d.name(bucket, key)
	if err != nil {
		return ObjectInfo{}, err
	}
	f, err := d.root.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return ObjectInfo{}, notFound(bucket, key, err)
		}
		return ObjectInfo{}, fmt.Errorf("ingest: open %s: %w", name, err)
	}
	defer f.Close()
	return d.info(f, bucket, key)
}

// info describes the open file f, hashing it unless the cached ETag for its
// size and modification time is still good.
func (d *Dir) info(f *os.File, bucket, key string) (ObjectInfo, error) {
	st, err := f.Stat()
	if err != nil {
		return ObjectInfo{}, err
	}
	if !st.Mode().IsRegular() {
		return ObjectInfo{}, notFound(bucket, key, errors.New("not a regular file"))
	}
	info := ObjectInfo{Bucket: bucket, Key: key, Size: st.Size(), ModTime: st.ModTime().UTC(),
		ContentType: mime.TypeByExtension(path.Ext(key))}
	id := bucket + "/" + key
	d.mu.Lock()
	e, ok := d.etags[id]
	d.mu.Unlock()
	if ok && e.size == info.Size && e.mtime.Equal(info.ModTime) {
		info.ETag = e.etag
		return info, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ObjectInfo{}, fmt.Errorf("ingest: read %s: %w", id, err)
	}
	info.ETag = hex.EncodeToString(h.Sum(nil)[:16])
	d.mu.Lock()
	d.etags[id] = etagEntry{info.Size, info.ModTime, info.ETag}
	d.mu.Unlock()
	return info, nil
}

// Put implements Store: the content goes to a temporary file beside the
// target, which is synced and renamed over it.
func (d *Dir) Put(ctx context.Context, bucket, key string, r io.Reader, size int64, contentType string) (ObjectInfo, error) {
	name, err := d.name(bucket, key)
	if err != nil {
		return ObjectInfo{}, err
	}
	if err := d.root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return ObjectInfo{}, fmt.Errorf("ingest: create folder for %s: %w", name, err)
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := path.Join(path.Dir(name), tmpPrefix+hex.EncodeToString(rnd[:]))
	f, err := d.root.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return ObjectInfo{}, fmt.Errorf("ingest: write %s: %w", name, err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), ctxReader{ctx, r})
	if err == nil && size >= 0 && n != size {
		err = fmt.Errorf("wrote %d bytes, want %d", n, size)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = d.root.Rename(tmp, name)
	}
	if err != nil {
		d.root.Remove(tmp)
		return ObjectInfo{}, fmt.Errorf("ingest: write %s: %w", name, err)
	}
	st, err := d.root.Stat(name)
	if err != nil {
		return ObjectInfo{}, err
	}
	info := ObjectInfo{Bucket: bucket, Key: key, Size: n, ModTime: st.ModTime().UTC(),
		ETag: hex.EncodeToString(h.Sum(nil)[:16]), ContentType: contentType}
	d.mu.Lock()
	d.etags[bucket+"/"+key] = etagEntry{info.Size, info.ModTime, info.ETag}
	d.mu.Unlock()
	return info, nil
}

// List implements Store, in lexical key order.
func (d *Dir) List(ctx context.Context, bucket, prefix string) iter.Seq2[ObjectInfo, error] {
	return func(yield func(ObjectInfo, error) bool) {
		if err := checkBucket(bucket); err != nil {
			yield(ObjectInfo{}, err)
			return
		}
		fsys := d.root.FS()
		err := fs.WalkDir(fsys, bucket, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if p == bucket && errors.Is(err, fs.ErrNotExist) {
					return notFound(bucket, "", err)
				}
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if p == bucket {
				return nil
			}
			if hidden(e.Name()) {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			key := strings.TrimPrefix(p, bucket+"/")
			if e.IsDir() {
				// Skip folders that cannot hold a key with the prefix.
				if !strings.HasPrefix(key+"/", prefix) && !strings.HasPrefix(prefix, key+"/") {
					return fs.SkipDir
				}
				return nil
			}
			if !strings.HasPrefix(key, prefix) || !e.Type().IsRegular() {
				return nil
			}
			info, err := d.Stat(ctx, bucket, key)
			if errors.Is(err, ErrNotFound) {
				return nil // removed while listing
			}
			if !yield(info, err) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			yield(ObjectInfo{}, err)
		}
	}
}

// MakeBucket implements Store.
func (d *Dir) MakeBucket(ctx context.Context, bucket string) error {
	if err := checkBucket(bucket); err != nil {
		return err
	}
	return d.root.MkdirAll(bucket, 0o755)
}

// ctxReader stops a copy when its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
