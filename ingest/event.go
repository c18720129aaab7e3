package ingest

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/process"
)

// Upload is one object-created notification, decoded from MinIO's NATS
// message (or made by the reconciler, the watcher or the upload API in the
// same shape).
type Upload struct {
	EventName string // "s3:ObjectCreated:Put"
	Bucket    string
	Key       string // unescaped: "chi-bo-van-phong/hồ sơ A.pdf"
	Size      int64
	ETag      string // without quotes
	VersionID string
	Time      time.Time // eventTime
}

// actOn lists the event names that mean new content. s3:ObjectCreated:*
// also fires on tagging, retention and legal-hold changes, which must not
// produce a second letter.
var actOn = map[string]bool{
	"s3:ObjectCreated:Put":                     true,
	"s3:ObjectCreated:Post":                    true,
	"s3:ObjectCreated:Copy":                    true,
	"s3:ObjectCreated:CompleteMultipartUpload": true,
}

// Acts reports whether the pipeline processes an upload with this event:
// Put, Post, Copy and CompleteMultipartUpload only.
func (u Upload) Acts() bool { return actOn[u.EventName] }

// ID returns the dossier id of the upload; see DossierID.
func (u Upload) ID() string { return DossierID(u.Bucket, u.Key, u.ETag, u.VersionID) }

// Origin returns the first segment of the key ("chi-bo-van-phong" for
// "chi-bo-van-phong/2025/hồ sơ A.pdf"), the unit that sent the dossier, or
// "" for a key at the top of the bucket.
func (u Upload) Origin() string { return Origin(u.Key) }

// Origin returns the first segment of an object key, "" when it has none.
func Origin(key string) string {
	if i := strings.IndexByte(key, '/'); i > 0 {
		return key[:i]
	}
	return ""
}

// DossierID returns the id of the dossier held by one version of an object:
// 24 characters of lower-case base32 of SHA-256 over bucket, key and ETag
// (the version id when the ETag is unknown). It is stable across
// redeliveries, changes when the content changes, and is a valid NATS KV
// key and subject token, which a raw Vietnamese key is not. See
// process.DossierID.
func DossierID(bucket, key, etag, versionID string) string {
	return process.DossierID(bucket, key, etag, versionID)
}

// minioLog is the message MinIO's NATS target publishes: event.Log, whose
// top-level fields carry no JSON tags.
type minioLog struct {
	EventName string
	Key       string
	Records   []minioRecord
}

type minioRecord struct {
	EventVersion string    `json:"eventVersion"`
	EventSource  string    `json:"eventSource"`
	EventTime    string    `json:"eventTime"`
	EventName    string    `json:"eventName"`
	UserIdentity *identity `json:"userIdentity,omitempty"`
	S3           struct {
		SchemaVersion string `json:"s3SchemaVersion"`
		Bucket        struct {
			Name string `json:"name"`
			ARN  string `json:"arn,omitempty"`
		} `json:"bucket"`
		Object struct {
			Key         string `json:"key"`
			Size        int64  `json:"size,omitempty"`
			ETag        string `json:"eTag,omitempty"`
			ContentType string `json:"contentType,omitempty"`
			VersionID   string `json:"versionId,omitempty"`
			Sequencer   string `json:"sequencer,omitempty"`
		} `json:"object"`
	} `json:"s3"`
}

type identity struct {
	PrincipalID string `json:"principalId"`
}

// DecodeEvent reads a MinIO bucket notification. The object key is
// URL-query-unescaped ('+' is a space, Vietnamese letters are %-escaped).
// A message that is not such a notification is an EINVALID error; the
// caller acks and drops it, since redelivery cannot fix it.
func DecodeEvent(data []byte) (Upload, error) {
	var l minioLog
	if err := json.Unmarshal(data, &l); err != nil {
		return Upload{}, hoso.Wrap(err, hoso.EINVALID, "thông báo MinIO không đọc được", "unreadable MinIO notification")
	}
	if len(l.Records) == 0 {
		return Upload{}, hoso.Errorf(hoso.EINVALID, "thông báo MinIO không có bản ghi", "MinIO notification has no record")
	}
	r := l.Records[0]
	key, err := url.QueryUnescape(r.S3.Object.Key)
	if err != nil {
		return Upload{}, hoso.Wrap(err, hoso.EINVALID, "khoá đối tượng trong thông báo không hợp lệ", "bad object key in notification")
	}
	u := Upload{
		EventName: r.EventName,
		Bucket:    r.S3.Bucket.Name,
		Key:       key,
		Size:      r.S3.Object.Size,
		ETag:      normETag(r.S3.Object.ETag),
		VersionID: r.S3.Object.VersionID,
	}
	if u.EventName == "" {
		u.EventName = l.EventName
	}
	if t, err := time.Parse(time.RFC3339Nano, r.EventTime); err == nil {
		u.Time = t
	}
	if u.Bucket == "" || u.Key == "" {
		return Upload{}, hoso.Errorf(hoso.EINVALID, "thông báo MinIO thiếu bucket hoặc khoá", "MinIO notification lacks bucket or key")
	}
	return u, nil
}

// EncodeEvent writes u in MinIO's notification shape, so the reconciler,
// the folder watcher and the upload API feed the same consumer path as
// MinIO itself. principal names who enqueued it ("hoso-reconciler").
func EncodeEvent(u Upload, principal string) []byte {
	var r minioRecord
	r.EventVersion = "2.0"
	r.EventSource = "hoso:ingest"
	r.EventName = u.EventName
	if u.Time.IsZero() {
		u.Time = time.Now()
	}
	r.EventTime = u.Time.UTC().Format("2006-01-02T15:04:05.000Z")
	r.UserIdentity = &identity{PrincipalID: principal}
	r.S3.SchemaVersion = "1.0"
	r.S3.Bucket.Name = u.Bucket
	r.S3.Bucket.ARN = "arn:aws:s3:::" + u.Bucket
	r.S3.Object.Key = url.QueryEscape(u.Key)
	r.S3.Object.Size = u.Size
	r.S3.Object.ETag = u.ETag
	r.S3.Object.VersionID = u.VersionID
	// Strings, numbers and plain structs: Marshal cannot fail.
	b, _ := json.Marshal(minioLog{EventName: u.EventName, Key: u.Bucket + "/" + u.Key, Records: []minioRecord{r}})
	return b
}

// CheckKey bounds an object key before it is read or named anywhere: at
// most 1024 bytes of UTF-8 (S3's limit), segments of at most MaxNameBytes,
// no control characters.
func CheckKey(key string) error {
	bad := len(key) == 0 || len(key) > 1024 || !utf8.ValidString(key)
	for _, seg := range strings.Split(key, "/") {
		if len(seg) > MaxNameBytes {
			bad = true
		}
	}
	for _, r := range key {
		if unicode.IsControl(r) {
			bad = true
		}
	}
	if bad {
		return hoso.Errorf(hoso.EINVALID, "khoá đối tượng quá dài hoặc không hợp lệ (%d byte)",
			"object key too long or invalid (%d bytes)", len(key))
	}
	return nil
}
