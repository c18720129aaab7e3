package ingest

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

func openDir(t testing.TB) *Dir {
	t.Helper()
	d, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func put(t testing.TB, st Store, bucket, key, body string) ObjectInfo {
	t.Helper()
	info, err := st.Put(context.Background(), bucket, key, strings.NewReader(body), int64(len(body)), "text/plain")
	if err != nil {
		t.Fatalf("put %s/%s: %v", bucket, key, err)
	}
	return info
}

func TestDirRefusesEscapingKeys(t *testing.T) {
	ctx := context.Background()
	d := openDir(t)
	if err := d.MakeBucket(ctx, "hoso-uploads"); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(filepath.Dir(d.Path()), "secret.txt")
	os.WriteFile(secret, []byte("outside"), 0o644)
	for _, key := range []string{"../secret.txt", "../../secret.txt", "a/../../secret.txt", "/etc/passwd",
		"", "a//b", "a/", "./a", `..\secret.txt`, "a\x00b"} {
		if _, err := d.Put(ctx, "hoso-uploads", key, strings.NewReader("x"), 1, ""); hoso.Code(err) != hoso.EINVALID {
			t.Errorf("Put %q: err = %v, want invalid", key, err)
		}
		if _, _, err := d.Get(ctx, "hoso-uploads", key); hoso.Code(err) != hoso.EINVALID {
			t.Errorf("Get %q: err = %v, want invalid", key, err)
		}
		if _, err := d.Stat(ctx, "hoso-uploads", key); hoso.Code(err) != hoso.EINVALID {
			t.Errorf("Stat %q: err = %v, want invalid", key, err)
		}
	}
	for _, b := range []string{"..", "../x", "a/b", "UP", ""} {
		if err := d.MakeBucket(ctx, b); hoso.Code(err) != hoso.EINVALID {
			t.Errorf("MakeBucket %q: err = %v, want invalid", b, err)
		}
	}

	// A symlink inside the bucket pointing outside the root is not followed.
	link := filepath.Join(d.BucketPath("hoso-uploads"), "link.txt")
	if err := os.Symlink(secret, link); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if rc, _, err := d.Get(ctx, "hoso-uploads", "link.txt"); err == nil {
		b, _ := io.ReadAll(rc)
		rc.Close()
		t.Fatalf("Get through a symlink out of the root read %q", b)
	}
	os.Symlink(filepath.Dir(secret), filepath.Join(d.BucketPath("hoso-uploads"), "up"))
	if _, err := d.Put(ctx, "hoso-uploads", "up/evil.txt", strings.NewReader("x"), 1, ""); err == nil {
		t.Fatal("Put through a symlinked folder out of the root succeeded")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(secret), "evil.txt")); err == nil {
		t.Fatal("a file was written outside the root")
	}
	for o, err := range d.List(ctx, "hoso-uploads", "") {
		if err == nil && (o.Key == "link.txt" || strings.HasPrefix(o.Key, "up/")) {
			t.Errorf("List yields %q, which leaves the root", o.Key)
		}
	}
}

func TestDirRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openDir(t)
	d.MakeBucket(ctx, "hoso-letters")
	a := put(t, d, "hoso-letters", "letters/chi bộ/ID1/eligible.docx", "first")
	if a.Size != 5 || len(a.ETag) != 32 || a.ModTime.IsZero() {
		t.Fatalf("put info %+v", a)
	}
	st, err := d.Stat(ctx, "hoso-letters", "letters/chi bộ/ID1/eligible.docx")
	if err != nil || st.ETag != a.ETag || st.Size != 5 {
		t.Fatalf("stat %+v %v, want etag %s", st, err, a.ETag)
	}
	b := put(t, d, "hoso-letters", "letters/chi bộ/ID1/eligible.docx", "second!")
	if b.ETag == a.ETag {
		t.Error("ETag did not change with the content")
	}
	rc, info, err := d.Get(ctx, "hoso-letters", "letters/chi bộ/ID1/eligible.docx")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if string(got) != "second!" || info.ETag != b.ETag {
		t.Errorf("get %q etag %s, want second! %s", got, info.ETag, b.ETag)
	}
	// An edit that keeps the size is seen through the modification time.
	p := filepath.Join(d.BucketPath("hoso-letters"), "letters", "chi bộ", "ID1", "eligible.docx")
	os.WriteFile(p, []byte("SECOND!"), 0o644)
	future := info.ModTime.Add(3e9)
	os.Chtimes(p, future, future)
	if st, _ := d.Stat(ctx, "hoso-letters", "letters/chi bộ/ID1/eligible.docx"); st.ETag == b.ETag {
		t.Error("ETag cached across a change of content and mtime")
	}

	if _, _, err := d.Get(ctx, "hoso-letters", "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing object: %v, want ErrNotFound", err)
	}
	// Nothing but the object is left in its folder: the temporary file was renamed.
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want 1 (temporary files left?)", len(entries))
	}
}

func TestDirList(t *testing.T) {
	ctx := context.Background()
	d := openDir(t)
	d.MakeBucket(ctx, "hoso-uploads")
	for _, k := range []string{"b/2.pdf", "a/1.docx", "a/sub/3.zip", "top.pdf", "a/.hidden", "a/~$lock.docx", ".tmp/x"} {
		put(t, d, "hoso-uploads", k, k)
	}
	keys := func(prefix string) []string {
		var out []string
		for o, err := range d.List(ctx, "hoso-uploads", prefix) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, o.Key)
		}
		return out
	}
	if got, want := keys(""), []string{"a/1.docx", "a/sub/3.zip", "b/2.pdf", "top.pdf"}; !slices.Equal(got, want) {
		t.Errorf("List = %q, want %q", got, want)
	}
	if got, want := keys("a/"), []string{"a/1.docx", "a/sub/3.zip"}; !slices.Equal(got, want) {
		t.Errorf("List a/ = %q, want %q", got, want)
	}
	if got := keys("zzz"); len(got) != 0 {
		t.Errorf("List zzz = %q", got)
	}
	for _, err := range d.List(ctx, "no-such-bucket", "") {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("missing bucket: %v", err)
		}
	}
}
