package ingest

import (
	"log/slog"
	"time"
)

// Config names the buckets, streams and subjects the pipeline uses and tunes
// its workers. The zero value is the documented default; New and Setup fill
// every empty field with it, so a caller sets only what differs.
type Config struct {
	UploadBucket string // "hoso-uploads": where clerks drop dossiers
	LetterBucket string // "hoso-letters": letters and record.json

	UploadStream  string // "HOSO_UPLOADS", WorkQueue retention
	UploadSubject string // "hoso.uploads": MinIO's NATS target subject
	EventStream   string // "HOSO_EVENTS", Limits retention, subjects "<EventPrefix>.>"
	EventPrefix   string // "hoso.dossier": events go to <prefix>.completed / <prefix>.failed
	DeadStream    string // "HOSO_DLQ": dead letters, Limits retention
	DeadSubject   string // "hoso.dlq.uploads"
	// AdvisoryStream captures JetStream's MAX_DELIVERIES advisories for the
	// upload consumer, so a dead letter is moved even when it happens while
	// no instance listens. "HOSO_ADVISORIES".
	AdvisoryStream string
	StateBucket    string // "hoso_dossiers": KV, dossier id → State
	Consumer       string // "workers": the durable pull consumer

	// Replicas of every stream and of the KV bucket: 1 for a single server,
	// 3 for a NATS cluster of three.
	Replicas int

	Workers int // parallel dossiers per instance; 2
	// MaxAckPending caps dossiers in flight across all instances
	// (HOSO_MAX_IN_FLIGHT): set it to the sum of their workers. When zero
	// the consumer's limit only grows, to Workers if that is more.
	MaxAckPending int

	// AckWait is how long a silent worker keeps its dossier: 30 seconds.
	// Workers send a heartbeat every third of it, so it bounds what a
	// killed instance costs, not how long a dossier may take.
	AckWait    time.Duration
	MaxDeliver int // deliveries before a dead letter; 6
	// MaxCrashes is how many times a file may kill the worker or its
	// parsing child before the dossier is rejected and its message
	// terminated (a poison pill); 2.
	MaxCrashes int
	// Backoff is the NakWithDelay delay after a transient error, indexed by
	// the delivery number (the last entry repeats): 5s, 30s, 2m, 5m, 10m.
	Backoff []time.Duration

	// ReconcileEvery is how often the upload bucket is listed for objects
	// without state; 5 minutes. Negative turns the periodic pass off (the
	// pass on start still runs).
	ReconcileEvery time.Duration

	// Settle is how long a file in a Dir store must keep its size and
	// modification time before it is read, so half-copied files are left
	// alone; 2 seconds. The reconciler skips objects younger than this too.
	Settle time.Duration
	// Scan is how often the folder watcher lists the whole upload folder,
	// for changes fsnotify missed; 30 seconds.
	Scan time.Duration

	// FolderBundles makes a candidate folder (<unit>/<folder>/…) one
	// dossier instead of a dossier per file (--folder-bundles, off by
	// default: existing buckets sort files into <unit>/<year>/ folders).
	// See bundle.go.
	FolderBundles bool
	// BundleQuiet is how long a candidate folder (<unit>/<folder>/…)
	// must go without a new file before it is bundled into one dossier
	// when no "_xong" marker ends it; DefaultBundleQuiet. See bundle.go.
	BundleQuiet time.Duration

	// MaxObjectSize refuses larger uploads as too_large without reading
	// them; 64 MiB, the readers' limit.
	MaxObjectSize int64

	// BodyIdle cuts off an upload through the API whose client sends
	// nothing for this long (30 s); BodyMinRate, in bytes per second,
	// one whose average rate falls below it after the first BodyIdle
	// (1 KiB/s): a body trickled a byte at a time holds no connection.
	BodyIdle    time.Duration
	BodyMinRate int64

	// PDF asks for a PDF next to each DOCX letter (needs LibreOffice). The
	// service itself does not read it: whoever builds the Pipeline gives it
	// a PDFPool when PDF is set.
	PDF bool

	// Source is the CloudEvents source of this instance: "/hoso/<host>".
	Source string

	// Location is where a letter's date is taken from the upload's
	// modification time: Asia/Ho_Chi_Minh (UTC+7 when the zone database
	// is missing).
	Location *time.Location

	// SpoolDir holds a temporary copy of each object over 1 MiB being
	// read, because the readers need random access (smaller ones are
	// read into memory); os.TempDir() when empty.
	SpoolDir string

	Logger *slog.Logger // slog.Default() when nil
}

// Default values of Config.
const (
	DefaultUploadBucket   = "hoso-uploads"
	DefaultLetterBucket   = "hoso-letters"
	DefaultUploadStream   = "HOSO_UPLOADS"
	DefaultUploadSubject  = "hoso.uploads"
	DefaultEventStream    = "HOSO_EVENTS"
	DefaultEventPrefix    = "hoso.dossier"
	DefaultDeadStream     = "HOSO_DLQ"
	DefaultDeadSubject    = "hoso.dlq.uploads"
	DefaultAdvisoryStream = "HOSO_ADVISORIES"
	DefaultStateBucket    = "hoso_dossiers"
	DefaultConsumer       = "workers"
	DefaultWorkers        = 2
	DefaultAckWait        = 30 * time.Second
	DefaultMaxDeliver     = 6
	DefaultMaxCrashes     = 2
	DefaultReconcileEvery = 5 * time.Minute
	DefaultMaxObjectSize  = 64 << 20 // the readers' own limit: a larger upload could only be refused later
	DefaultSettle         = 2 * time.Second
	DefaultScan           = 30 * time.Second
	DefaultLocation       = "Asia/Ho_Chi_Minh"
)

// DefaultBackoff returns the default Config.Backoff.
func DefaultBackoff() []time.Duration {
	return []time.Duration{5 * time.Second, 30 * time.Second, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute}
}

// WithDefaults returns c with every empty field set to its default.
func (c Config) WithDefaults() Config {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.UploadBucket, DefaultUploadBucket)
	def(&c.LetterBucket, DefaultLetterBucket)
	def(&c.UploadStream, DefaultUploadStream)
	def(&c.UploadSubject, DefaultUploadSubject)
	def(&c.EventStream, DefaultEventStream)
	def(&c.EventPrefix, DefaultEventPrefix)
	def(&c.DeadStream, DefaultDeadStream)
	def(&c.DeadSubject, DefaultDeadSubject)
	def(&c.AdvisoryStream, DefaultAdvisoryStream)
	def(&c.StateBucket, DefaultStateBucket)
	def(&c.Consumer, DefaultConsumer)
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Workers <= 0 {
		c.Workers = DefaultWorkers
	}
	if c.AckWait <= 0 {
		c.AckWait = DefaultAckWait
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = DefaultMaxDeliver
	}
	if c.MaxCrashes <= 0 {
		c.MaxCrashes = DefaultMaxCrashes
	}
	if len(c.Backoff) == 0 {
		c.Backoff = DefaultBackoff()
	}
	if c.ReconcileEvery == 0 {
		c.ReconcileEvery = DefaultReconcileEvery
	}
	if c.Settle <= 0 {
		c.Settle = DefaultSettle
	}
	if c.Scan <= 0 {
		c.Scan = DefaultScan
	}
	if c.BundleQuiet <= 0 {
		c.BundleQuiet = DefaultBundleQuiet
	}
	if c.BodyIdle <= 0 {
		c.BodyIdle = 30 * time.Second
	}
	if c.BodyMinRate <= 0 {
		c.BodyMinRate = 1 << 10
	}
	if c.MaxObjectSize <= 0 {
		c.MaxObjectSize = DefaultMaxObjectSize
	}
	if c.Source == "" {
		c.Source = "/hoso/" + hostname()
	}
	if c.Location == nil {
		c.Location = vietnam()
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// backoff returns the delay before delivery n+1 after delivery n failed.
func (c Config) backoff(delivered uint64) time.Duration {
	i := int(delivered) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(c.Backoff) {
		i = len(c.Backoff) - 1
	}
	return c.Backoff[i]
}

// vietnam returns Asia/Ho_Chi_Minh, or a fixed UTC+7 zone where the zone
// database is missing (Vietnam has kept UTC+7 without DST since 1975).
func vietnam() *time.Location {
	if loc, err := time.LoadLocation(DefaultLocation); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*60*60)
}
