package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// bundleOf waits for the dossier of the folder's newest bundle, final.
func (h *harness) bundleOf(prefix string, not ...string) *State {
	h.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		sts, err := h.svc.States().List(context.Background(), Filter{})
		if err != nil {
			h.t.Fatal(err)
		}
		for _, st := range sts {
			if strings.HasPrefix(st.Key, prefix+bundlePrefix) && st.Status.Final() && !slices.Contains(not, st.ID) {
				return st
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	h.t.Fatalf("folder %s never bundled", prefix)
	return nil
}

func zipNames(t *testing.T, b []byte) []string {
	t.Helper()
	b = bytes.TrimPrefix(b, []byte("LETTER:"))
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range zr.File {
		out = append(out, f.Name)
	}
	return out
}

func TestFolderBundle(t *testing.T) {
	for _, tc := range []struct {
		name   string
		quiet  time.Duration
		marker bool
	}{
		{"quiet period", 400 * time.Millisecond, false},
		{"marker", time.Hour, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &echo{}
			h := newHarness(t, p, func(c *Config) { c.BundleQuiet, c.FolderBundles = tc.quiet, true })
			h.run()
			const folder = "chi-bo-a/Nguyễn Văn An/"
			h.upload(folder+"don.pdf", "đơn xin vào Đảng")
			h.upload(folder+"phieu 2020.pdf", "phiếu đánh giá 2020")
			if tc.marker {
				h.upload(folder+BundleMarker, "xong")
			}
			st := h.bundleOf(folder)
			if st.Status != StatusRendered || st.Origin != "chi-bo-a" {
				t.Fatalf("bundle state: %+v", st)
			}
			if got := zipNames(t, h.read(st.DOCX)); !slices.Equal(got, []string{"don.pdf", "phieu 2020.pdf"}) {
				t.Errorf("bundle members %q", got)
			}
			// No file of the folder became a dossier of its own.
			sts, _ := h.svc.States().List(context.Background(), Filter{})
			if len(sts) != 1 {
				t.Errorf("%d dossiers, want the folder's one", len(sts))
			}
			if n := p.calls.Load(); n != 1 {
				t.Errorf("processed %d times, want once", n)
			}

			// A file added later makes a new version; the first gives way.
			h.upload(folder+"quyet dinh khen thuong.pdf", "quyết định khen thưởng")
			st2 := h.bundleOf(folder, st.ID)
			if got := zipNames(t, h.read(st2.DOCX)); len(got) != 3 {
				t.Errorf("second bundle members %q", got)
			}
			old := h.wait(st.ID, func(s *State) bool { return s.Status == StatusSuperseded })
			if old.SupersededBy != st2.ID {
				t.Errorf("superseded by %q, want %q", old.SupersededBy, st2.ID)
			}
		})
	}
}

func TestFolderOf(t *testing.T) {
	for _, tc := range []struct {
		key, prefix string
		ok          bool
	}{
		{"chi-bo-a/ho so.pdf", "", false},
		{"ho so.pdf", "", false},
		{"chi-bo-a/An/don.pdf", "chi-bo-a/An/", true},
		{"chi-bo-a/An/_xong", "chi-bo-a/An/", true},
		{"chi-bo-a/An/scan/p1.png", "chi-bo-a/An/", true},
		{"chi-bo-a/An/_ho-so-0123456789ab.zip", "", false},
	} {
		p, ok := folderOf(tc.key)
		if p != tc.prefix || ok != tc.ok {
			t.Errorf("folderOf(%q) = %q, %v", tc.key, p, ok)
		}
	}
}
