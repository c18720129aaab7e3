package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/notification"
)

// S3Options says how to reach an S3 service. Secrets come from the caller
// (environment or files); the store never logs them.
type S3Options struct {
	Endpoint     string // host:port, no scheme
	AccessKey    string
	SecretKey    string
	SessionToken string
	Secure       bool   // HTTPS
	Region       string // "" lets the client discover it
	// Transport carries custom TLS settings (a private CA, client
	// certificates); nil uses minio-go's default.
	Transport http.RoundTripper
}

// S3 is a Store on any S3-compatible service, through minio-go. Nothing in
// it is MinIO-specific except Notify, whose ARN format is MinIO's.
type S3 struct {
	c         *minio.Client
	region    string
	transport http.RoundTripper // o.Transport, for MinIO's health check
}

// NewS3 returns an S3 store; it does not contact the service.
func NewS3(o S3Options) (*S3, error) {
	if o.Endpoint == "" {
		return nil, hoso.Errorf(hoso.EINVALID, "thiếu địa chỉ S3", "S3 endpoint is empty")
	}
	c, err := minio.New(o.Endpoint, &minio.Options{
		Creds:     credentials.NewStaticV4(o.AccessKey, o.SecretKey, o.SessionToken),
		Secure:    o.Secure,
		Region:    o.Region,
		Transport: o.Transport,
	})
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID, "cấu hình S3 không hợp lệ", "invalid S3 configuration")
	}
	tr := o.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	return &S3{c: c, region: o.Region, transport: tr}, nil
}

// Client returns the underlying minio-go client.
func (s *S3) Client() *minio.Client { return s.c }

func s3Err(err error, bucket, key string) error {
	if err == nil {
		return nil
	}
	switch minio.ToErrorResponse(err).Code {
	case minio.NoSuchKey, minio.NoSuchBucket, "NoSuchVersion":
		return notFound(bucket, key, err)
	}
	return fmt.Errorf("ingest: s3 %s/%s: %w", bucket, key, err)
}

func infoOf(bucket string, o minio.ObjectInfo) ObjectInfo {
	return ObjectInfo{Bucket: bucket, Key: o.Key, Size: o.Size, ETag: normETag(o.ETag),
		VersionID: o.VersionID, ModTime: o.LastModified.UTC(), ContentType: o.ContentType}
}

// Get implements Store, with one GET request: the object's description
// comes from the answer's headers. (minio-go's GetObject asks with a HEAD
// first and GETs on the first read: two requests.)
func (s *S3) Get(ctx context.Context, bucket, key string) (io.ReadCloser, ObjectInfo, error) {
	body, st, _, err := minio.Core{Client: s.c}.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, ObjectInfo{}, s3Err(err, bucket, key)
	}
	return body, infoOf(bucket, st), nil
}

// Stat implements Store.
func (s *S3) Stat(ctx context.Context, bucket, key string) (ObjectInfo, error) {
	st, err := s.c.StatObject(ctx, bucket, key, minio.StatObjectOptions{})
	if err != nil {
		return ObjectInfo{}, s3Err(err, bucket, key)
	}
	return infoOf(bucket, st), nil
}

// Put implements Store.
func (s *S3) Put(ctx context.Context, bucket, key string, r io.Reader, size int64, contentType string) (ObjectInfo, error) {
	opts := minio.PutObjectOptions{ContentType: contentType}
	if size < 0 {
		// With no size minio-go plans for a 5 TiB object and buffers
		// ~537 MiB per part; 5 MiB parts (S3's minimum) still allow 50 GB
		// and keep a large upload's buffer small (small ones come with
		// their size: putUnknownSize).
		opts.PartSize = 5 << 20
	}
	ui, err := s.c.PutObject(ctx, bucket, key, r, size, opts)
	if err != nil {
		return ObjectInfo{}, s3Err(err, bucket, key)
	}
	info := ObjectInfo{Bucket: bucket, Key: key, Size: ui.Size, ETag: normETag(ui.ETag),
		VersionID: ui.VersionID, ModTime: ui.LastModified.UTC(), ContentType: contentType}
	if info.ModTime.IsZero() {
		// MinIO's PUT answer has no Last-Modified. A HEAD to learn it
		// cost as much as the PUT (two per dossier: letter and
		// record.json); the time of the answer serves the only reader,
		// an upload event's eventTime. A letter's date comes from the
		// object's stored time, read with its GET.
		info.ModTime = time.Now().UTC()
	}
	return info, nil
}

// List implements Store.
func (s *S3) List(ctx context.Context, bucket, prefix string) iter.Seq2[ObjectInfo, error] {
	return func(yield func(ObjectInfo, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel() // stops minio-go's listing goroutine on early return
		for o := range s.c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
			if o.Err != nil {
				yield(ObjectInfo{}, s3Err(o.Err, bucket, prefix))
				return
			}
			if !yield(infoOf(bucket, o), nil) {
				return
			}
		}
	}
}

// MakeBucket implements Store.
func (s *S3) MakeBucket(ctx context.Context, bucket string) error {
	err := s.c.MakeBucket(ctx, bucket, minio.MakeBucketOptions{Region: s.region})
	if err == nil {
		return nil
	}
	switch minio.ToErrorResponse(err).Code {
	case "BucketAlreadyOwnedByYou", "BucketAlreadyExists":
		return nil
	}
	return fmt.Errorf("ingest: create bucket %s: %w", bucket, err)
}

// NotifyARN is the ARN of the NATS target that MinIO configures from the
// MINIO_NOTIFY_NATS_*_PRIMARY environment (see MinIOEnv).
const NotifyARN = "arn:minio:sqs::PRIMARY:nats"

// ErrNoNotifyTarget means the S3 service does not know the NATS target:
// MinIO was started without the environment MinIOEnv lists. Uploads are
// then found only by the reconciler.
var ErrNoNotifyTarget = errors.New("ingest: the S3 service has no NATS notification target " + NotifyARN)

// Notify makes bucket send s3:ObjectCreated:* events to the target arn,
// unless such a rule exists already. MinIO lists its targets a moment after
// it reports ready, so a target that is not there is asked for again for
// up to ten seconds before ErrNoNotifyTarget. A MinIO still loading its
// buckets is waited for first (see waitBuckets).
func (s *S3) Notify(ctx context.Context, bucket, arn string) error {
	a, err := notification.NewArnFromString(arn)
	if err != nil {
		return hoso.Wrap(err, hoso.EINVALID, "ARN không hợp lệ: %s", "invalid ARN %s", arn)
	}
	s.waitBuckets(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := s.notify(ctx, bucket, a)
		if !errors.Is(err, ErrNoNotifyTarget) || time.Now().After(deadline) {
			return err
		}
		t := time.NewTimer(250 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

func (s *S3) notify(ctx context.Context, bucket string, a notification.Arn) error {
	cur, err := s.c.GetBucketNotification(ctx, bucket)
	if err != nil {
		return fmt.Errorf("ingest: read notification rules of %s: %w", bucket, err)
	}
	for _, q := range cur.QueueConfigs {
		if sameTarget(q.Queue, a) && q.Filter == nil && slices.Contains(q.Events, notification.ObjectCreatedAll) {
			return nil // the rule is there; the server may have added its region to the ARN
		}
	}
	rule := notification.NewConfig(a)
	rule.AddEvents(notification.ObjectCreatedAll)
	cur.AddQueue(rule)
	if err := s.c.SetBucketNotification(ctx, bucket, cur); err != nil {
		if r := minio.ToErrorResponse(err); r.Code == "InvalidArgument" && strings.Contains(r.Message, "ARN") {
			return fmt.Errorf("%w: %v", ErrNoNotifyTarget, err)
		}
		return fmt.Errorf("ingest: set notification rule on %s: %w", bucket, err)
	}
	return nil
}

// sameTarget compares ARNs ignoring the region, which the server fills in.
func sameTarget(arn string, a notification.Arn) bool {
	b, err := notification.NewArnFromString(arn)
	return err == nil && b.Partition == a.Partition && b.Service == a.Service &&
		b.AccountID == a.AccountID && b.Resource == a.Resource
}

// waitBuckets waits, up to bootWait, until a MinIO that has just started
// has loaded its buckets' settings. MinIO answers requests (and
// /minio/health/ready) before then, and when it loads a bucket whose
// settings it read from disk before a notification rule was added, it
// replaces the bucket's rules in memory with that older, empty set: the
// rule is stored, GetBucketNotification shows it, and no event is ever
// sent until MinIO restarts. A rule set in the first second after MinIO
// started was lost so, in about one test run of eight, and MinIO logged
// nothing. /minio/health/cluster answers 503 with X-Minio-Server-Status
// "bucket-metadata-offline" (or "offline", "iam-offline") until the load
// is done. Any other answer, or none, ends the wait: other S3 services
// have no such endpoint, and the requests that follow report real errors.
func (s *S3) waitBuckets(ctx context.Context) {
	u := *s.c.EndpointURL()
	u.Path, u.RawQuery = "/minio/health/cluster", ""
	hc := &http.Client{Transport: s.transport, Timeout: 5 * time.Second}
	deadline := time.Now().Add(bootWait)
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return
		}
		resp, err := hc.Do(req)
		if err != nil {
			return
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<10))
		resp.Body.Close()
		switch resp.Header.Get("X-Minio-Server-Status") {
		case "offline", "bucket-metadata-offline", "iam-offline":
		default:
			return
		}
		if resp.StatusCode != http.StatusServiceUnavailable || time.Now().After(deadline) {
			return
		}
		t := time.NewTimer(100 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// bootWait bounds waitBuckets: MinIO loads a few buckets in well under a
// second, thousands in tens of seconds.
const bootWait = time.Minute
