package ingest

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

// minioEvent returns the recorded MinIO notification with its event name
// and escaped key replaced.
func minioEvent(t *testing.T, name, escapedKey string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/minio-put.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), "s3:ObjectCreated:Put", name)
	if escapedKey != "" {
		s = strings.Replace(s, `"key":"chi-bo-van-phong%2F2025%2Fh%E1%BB%93+s%C6%A1+A.pdf"`, `"key":"`+escapedKey+`"`, 1)
	}
	return []byte(s)
}

func TestDecodeEvent(t *testing.T) {
	tests := []struct {
		event, key string // key as MinIO escapes it
		acts       bool
		want       string // unescaped key
		origin     string
	}{
		{"s3:ObjectCreated:Put", "", true, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:Post", "", true, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:Copy", "", true, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:CompleteMultipartUpload", "", true, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:PutTagging", "", false, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:DeleteTagging", "", false, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:PutRetention", "", false, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectCreated:PutLegalHold", "", false, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		{"s3:ObjectRemoved:Delete", "", false, "chi-bo-van-phong/2025/hồ sơ A.pdf", "chi-bo-van-phong"},
		// A key at the top of the bucket has no origin; '+' is a space, %2B a plus.
		{"s3:ObjectCreated:Put", "Nguy%E1%BB%85n+V%C4%83n+Ho%C3%A0+%2B+b%E1%BA%A3n+sao.docx", true, "Nguyễn Văn Hoà + bản sao.docx", ""},
		{"s3:ObjectCreated:Put", "%C4%91%E1%BA%A3ng+%E1%BB%A7y%2Fh%E1%BB%93+s%C6%A1.zip", true, "đảng ủy/hồ sơ.zip", "đảng ủy"},
	}
	for _, tt := range tests {
		t.Run(tt.event+"/"+tt.want, func(t *testing.T) {
			u, err := DecodeEvent(minioEvent(t, tt.event, tt.key))
			if err != nil {
				t.Fatal(err)
			}
			if u.Acts() != tt.acts {
				t.Errorf("Acts() = %v, want %v", u.Acts(), tt.acts)
			}
			if u.Key != tt.want || u.Origin() != tt.origin || u.Bucket != "hoso-uploads" {
				t.Errorf("got bucket %q key %q origin %q, want hoso-uploads %q %q", u.Bucket, u.Key, u.Origin(), tt.want, tt.origin)
			}
			if u.ETag != "d41d8cd98f00b204e9800998ecf8427e" || u.Size != 123456 || u.Time.IsZero() {
				t.Errorf("etag %q size %d time %v", u.ETag, u.Size, u.Time)
			}
		})
	}
}

func TestDecodeEventBad(t *testing.T) {
	for name, data := range map[string]string{
		"not json":   "hello",
		"no records": `{"EventName":"s3:ObjectCreated:Put","Key":"x","Records":[]}`,
		"bad escape": `{"Records":[{"eventName":"s3:ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"%zz"}}}]}`,
		"no key":     `{"Records":[{"eventName":"s3:ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{}}}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DecodeEvent([]byte(data))
			if hoso.Code(err) != hoso.EINVALID {
				t.Fatalf("err = %v, want code invalid", err)
			}
		})
	}
}

func TestEncodeEventRoundTrip(t *testing.T) {
	u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-uploads", Key: "chi bộ 3/hồ sơ + phụ lục (1).pdf",
		Size: 42, ETag: "abc"}
	got, err := DecodeEvent(EncodeEvent(u, "hoso-test"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != u.Key || got.Bucket != u.Bucket || got.ETag != u.ETag || got.Size != 42 || got.ID() != u.ID() {
		t.Fatalf("round trip: %+v, want %+v", got, u)
	}
	if !strings.Contains(string(EncodeEvent(u, "x")), `"key":"chi+b%E1%BB%99+3%2Fh`) {
		t.Errorf("key not escaped the way MinIO does: %s", EncodeEvent(u, "x"))
	}
}

// validKey is nats.go's KV key rule (jetstream/kv.go).
var validKey = regexp.MustCompile(`^[-/_=\.a-zA-Z0-9]+$`)

func TestDossierID(t *testing.T) {
	a := DossierID("hoso-uploads", "chi-bo/hồ sơ A.pdf", "etag1", "")
	if len(a) != 24 || !validKey.MatchString(a) || strings.ContainsAny(a, "./") {
		t.Fatalf("id %q is not a 24-char KV key and subject token", a)
	}
	if b := DossierID("hoso-uploads", "chi-bo/hồ sơ A.pdf", `"ETAG1"`, "v9"); b != a {
		t.Errorf("quoted/upper-case ETag gives %q, want %q", b, a)
	}
	for _, other := range []string{
		DossierID("hoso-uploads", "chi-bo/hồ sơ A.pdf", "etag2", ""),
		DossierID("hoso-uploads", "chi-bo/hồ sơ B.pdf", "etag1", ""),
		DossierID("other", "chi-bo/hồ sơ A.pdf", "etag1", ""),
		DossierID("hoso-uploads", "chi-bo/hồ sơ A.pdf", "", "etag1"),
	} {
		if other == a {
			t.Errorf("different object version, same id %q", a)
		}
	}
}
