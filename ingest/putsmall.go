package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sync"
)

// smallUpload is the size below which an upload of unknown length (a
// multipart form part) is read into memory and stored with its size: one
// PUT, no part buffer. Above it, S3 multipart uploads buffer one part per
// upload (S3's minimum part, 5 MiB, on S3 stores).
const smallUpload = 1 << 20

var smallBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putUnknownSize stores r, whose length is not known in advance, under
// key. A dossier is usually tens of kilobytes: given as -1, each upload
// held a 16 MiB part buffer (200 concurrent uploads: 904 MB RSS), so it is
// read first up to smallUpload and stored with its size when it ends
// there.
func (s *Service) putUnknownSize(ctx context.Context, bucket, key string, r io.Reader, ctype string) (ObjectInfo, error) {
	buf := smallBufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 2*smallUpload {
			smallBufs.Put(buf)
		}
	}()
	n, err := io.CopyN(buf, r, smallUpload+1)
	if err != nil && !errors.Is(err, io.EOF) {
		return ObjectInfo{}, err
	}
	if n <= smallUpload {
		return s.store.Put(ctx, bucket, key, bytes.NewReader(buf.Bytes()), n, ctype)
	}
	return s.store.Put(ctx, bucket, key, io.MultiReader(bytes.NewReader(buf.Bytes()), r), -1, ctype)
}
