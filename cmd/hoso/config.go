package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/render"
	"github.com/hoso-vn/hoso/validate"
)

// config is what run, serve, setup and redrive read from flags and HOSO_*
// variables. A flag given on the command line wins over its variable,
// which wins over the default.
type config struct {
	S3     s3Config
	NATS   natsConfig
	Ingest ingest.Config

	HTTP   string // API listen address
	Access accessFlags
	Rules  string // rule set file; the embedded default when empty
	Issuer string // issuer profile file; the embedded default when empty
	OCR    string // auto | off
	Wall   wallFlags

	// Embedded mode (hoso run) only.
	Data       string // folder holding nats/, uploads/, letters/
	NATSOnly   bool   // run only the NATS server (deploy/dev.sh)
	NATSListen string // where the embedded server listens

	// setup only: create the streams and KV bucket and stop.
	SetupNATSOnly bool
}

type s3Config struct {
	Endpoint  string // host:port or http(s)://host:port
	AccessKey string // secret: HOSO_S3_ACCESS_KEY or …_FILE only
	SecretKey string // secret: HOSO_S3_SECRET_KEY or …_FILE only
	Region    string
	TLS       bool
	CA        string // PEM file of extra roots
	Insecure  bool   // skip certificate verification (test setups only)
}

type natsConfig struct {
	URL      string // comma-separated server URLs
	User     string
	Password string // secret
	Token    string // secret
	NKey     string // nkey seed file
	Creds    string // JWT credentials file
	CA       string
	Cert     string
	Key      string
}

// groups of settings a command takes.
type groups uint8

const (
	withS3 groups = 1 << iota
	withNATS
	withWorker
	withHTTP
	withEmbedded
	withSetup
)

// binding ties a flag to its environment variable, for both parsing and
// the help text.
type binding struct{ flag, env string }

// secretVars are the settings read only from the environment (or a file
// it names with the _FILE suffix), so they never appear in `ps`, shell
// history or the help text's defaults.
func secretVars() []string {
	return []string{"HOSO_S3_ACCESS_KEY", "HOSO_S3_SECRET_KEY", "HOSO_NATS_PASSWORD", "HOSO_NATS_TOKEN"}
}

// parseConfig parses args for the command name. It returns flag.ErrHelp
// after printing the usage for -h.
func (m *Main) parseConfig(name, summary string, g groups, args []string) (*config, error) {
	c, rest, err := m.parseConfigArgs(name, summary, g, args)
	if err == nil && len(rest) > 0 {
		return nil, fmt.Errorf("hoso %s: unexpected arguments %q", name, rest)
	}
	return c, err
}

// parseConfigArgs is parseConfig for commands that take arguments after
// the flags.
func (m *Main) parseConfigArgs(name, summary string, g groups, args []string) (*config, []string, error) {
	c := &config{}
	var maxMB int
	fs := m.flags(name)
	var binds []binding
	str := func(p *string, fl, env, def, usage string) {
		fs.StringVar(p, fl, def, usage)
		binds = append(binds, binding{fl, env})
	}
	boolean := func(p *bool, fl, env string, def bool, usage string) {
		fs.BoolVar(p, fl, def, usage)
		binds = append(binds, binding{fl, env})
	}
	integer := func(p *int, fl, env string, def int, usage string) {
		fs.IntVar(p, fl, def, usage)
		binds = append(binds, binding{fl, env})
	}
	duration := func(p *time.Duration, fl, env string, def time.Duration, usage string) {
		fs.DurationVar(p, fl, def, usage)
		binds = append(binds, binding{fl, env})
	}

	if g&withS3 != 0 {
		str(&c.S3.Endpoint, "s3-endpoint", "HOSO_S3_ENDPOINT", "", "S3/MinIO endpoint, host:port or http(s)://host:port")
		str(&c.S3.Region, "s3-region", "HOSO_S3_REGION", "", "S3 region, when the service needs one")
		boolean(&c.S3.TLS, "s3-tls", "HOSO_S3_TLS", false, "use HTTPS for S3 (implied by an https:// endpoint)")
		str(&c.S3.CA, "s3-ca", "HOSO_S3_CA_FILE", "", "PEM file of CA certificates for S3")
		boolean(&c.S3.Insecure, "s3-insecure", "HOSO_S3_INSECURE", false, "do not verify the S3 certificate (tests only)")
		str(&c.Ingest.UploadBucket, "upload-bucket", "HOSO_UPLOAD_BUCKET", ingest.DefaultUploadBucket, "bucket clerks upload dossiers to")
		str(&c.Ingest.LetterBucket, "letter-bucket", "HOSO_LETTER_BUCKET", ingest.DefaultLetterBucket, "bucket letters and record.json are written to")
	}
	if g&withNATS != 0 {
		str(&c.NATS.URL, "nats-url", "HOSO_NATS_URL", "", "NATS server URLs, comma-separated")
		str(&c.NATS.User, "nats-user", "HOSO_NATS_USER", "", "NATS user (password from HOSO_NATS_PASSWORD)")
		str(&c.NATS.NKey, "nats-nkey", "HOSO_NATS_NKEY_FILE", "", "NATS nkey seed file")
		str(&c.NATS.Creds, "nats-creds", "HOSO_NATS_CREDS_FILE", "", "NATS credentials (JWT) file")
		str(&c.NATS.CA, "nats-ca", "HOSO_NATS_CA_FILE", "", "PEM file of CA certificates for NATS TLS")
		str(&c.NATS.Cert, "nats-cert", "HOSO_NATS_CERT_FILE", "", "client certificate for NATS mutual TLS")
		str(&c.NATS.Key, "nats-key", "HOSO_NATS_KEY_FILE", "", "client key for NATS mutual TLS")
		integer(&c.Ingest.Replicas, "replicas", "HOSO_STREAM_REPLICAS", 1, "replicas of each stream and the KV bucket (3 on a NATS cluster of three)")
	}
	if g&withSetup != 0 {
		boolean(&c.SetupNATSOnly, "nats-only", "", false, "create only the streams and KV bucket (before MinIO starts)")
	}
	if g&withWorker != 0 {
		integer(&c.Ingest.Workers, "workers", "HOSO_WORKERS", ingest.DefaultWorkers, "dossiers processed at once by this instance")
		integer(&c.Ingest.MaxAckPending, "max-in-flight", "HOSO_MAX_IN_FLIGHT", 0, "dossiers in flight across all instances, the sum of their --workers (0: the shared limit only grows, to this instance's --workers)")
		boolean(&c.Ingest.PDF, "pdf", "HOSO_PDF", false, "also write a PDF of each letter (needs LibreOffice)")
		str(&c.Rules, "rules", "HOSO_RULES", "", "rule set file (YAML/JSON); the embedded 52-CV/BTCĐU set when empty")
		str(&c.Issuer, "issuer", "HOSO_ISSUER", "", "issuer profile file (YAML/JSON) for the letter header and signer")
		str(&c.OCR, "ocr", "HOSO_OCR", "auto", "OCR of scanned pages and photos: auto (when Tesseract is installed) or off")
		c.Wall.define(fs, func(fl, env string) { binds = append(binds, binding{fl, env}) })
		duration(&c.Ingest.AckWait, "ack-wait", "HOSO_ACK_WAIT", ingest.DefaultAckWait, "redeliver a dossier whose worker went silent this long")
		fs.Func("retry-delays", "delays before each retry of a transient failure, comma-separated; the last repeats (default 5s,30s,2m,5m,10m)", func(v string) error {
			c.Ingest.Backoff = nil
			for _, f := range strings.Split(v, ",") {
				d, err := time.ParseDuration(strings.TrimSpace(f))
				if err != nil || d <= 0 {
					return fmt.Errorf("%q is not a positive duration", f)
				}
				c.Ingest.Backoff = append(c.Ingest.Backoff, d)
			}
			return nil
		})
		binds = append(binds, binding{"retry-delays", "HOSO_RETRY_DELAYS"})
		integer(&c.Ingest.MaxDeliver, "max-deliver", "HOSO_MAX_DELIVER", ingest.DefaultMaxDeliver, "deliveries before a dossier becomes a dead letter")
		integer(&c.Ingest.MaxCrashes, "max-crashes", "HOSO_MAX_CRASHES", ingest.DefaultMaxCrashes, "times a file may kill its reader (worker or parsing child) before it is rejected unread")
		duration(&c.Ingest.ReconcileEvery, "reconcile-every", "HOSO_RECONCILE_EVERY", ingest.DefaultReconcileEvery, "how often the upload bucket is listed for missed uploads (negative: only on start)")
		integer(&maxMB, "max-size-mb", "HOSO_MAX_SIZE_MB", int(extract.Limits{}.Defaults().MaxBytes>>20), "refuse uploads larger than this many MiB (the readers' limit too)")
		str(&c.Ingest.Source, "source", "HOSO_SOURCE", "", "CloudEvents source of this instance (default /hoso/<hostname>)")
		str(&c.Ingest.SpoolDir, "spool", "HOSO_SPOOL_DIR", "", "folder for temporary copies of uploads (default the system temp folder)")
		boolean(&c.Ingest.FolderBundles, "folder-bundles", "HOSO_FOLDER_BUNDLES", false, "a folder <unit>/<candidate>/… is one dossier, bundled on its _xong marker or after --bundle-quiet without a new file (off: every file is a dossier, subfolders such as <unit>/2026/ only sort them)")
		duration(&c.Ingest.BundleQuiet, "bundle-quiet", "HOSO_BUNDLE_QUIET", ingest.DefaultBundleQuiet, "bundle a candidate folder without a _xong marker after this long without a new file")
	}
	if g&withHTTP != 0 {
		str(&c.HTTP, "http", "HOSO_HTTP", "127.0.0.1:8080", "HTTP API listen address (empty: no API); beyond loopback only with TLS or --trusted-proxies")
		c.Access.define(fs, func(fl, env string) { binds = append(binds, binding{fl, env}) })
	}
	if g&withEmbedded != 0 {
		str(&c.Data, "data", "HOSO_DATA", "hoso-data", "folder of the embedded mode: nats/, uploads/, letters/")
		str(&c.NATSListen, "nats-listen", "HOSO_NATS_LISTEN", "", "let other programs reach the embedded NATS server at host:port (default: in-process only)")
		boolean(&c.NATSOnly, "nats-only", "", false, "run only the embedded NATS server with the streams (for deploy/dev.sh)")
		duration(&c.Ingest.Settle, "settle", "HOSO_SETTLE", ingest.DefaultSettle, "read a dropped file once its size and time have not changed for this long")
		duration(&c.Ingest.Scan, "scan", "HOSO_SCAN", ingest.DefaultScan, "list the whole upload folder this often, besides watching it")
	}

	fs.Usage = func() { m.printUsage(fs, name, summary, binds, g) }
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if err := applyEnv(fs, binds, m.Getenv); err != nil {
		return nil, nil, fmt.Errorf("hoso %s: %w", name, err)
	}
	c.Ingest.MaxObjectSize = int64(maxMB) << 20
	var err error
	if g&withS3 != 0 {
		if c.S3.AccessKey, err = secret(m.Getenv, "HOSO_S3_ACCESS_KEY"); err != nil {
			return nil, nil, err
		}
		if c.S3.SecretKey, err = secret(m.Getenv, "HOSO_S3_SECRET_KEY"); err != nil {
			return nil, nil, err
		}
	}
	if g&withNATS != 0 {
		if c.NATS.Password, err = secret(m.Getenv, "HOSO_NATS_PASSWORD"); err != nil {
			return nil, nil, err
		}
		if c.NATS.Token, err = secret(m.Getenv, "HOSO_NATS_TOKEN"); err != nil {
			return nil, nil, err
		}
	}
	if g&withWorker != 0 && c.Ingest.Workers < 1 {
		return nil, nil, fmt.Errorf("hoso %s: --workers must be at least 1", name)
	}
	return c, fs.Args(), nil
}

// applyEnv sets every flag not given on the command line from its
// variable, so flags win over the environment.
func applyEnv(fs *flag.FlagSet, binds []binding, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, b := range binds {
		if b.env == "" || given[b.flag] {
			continue
		}
		v := getenv(b.env)
		if v == "" {
			continue
		}
		if err := fs.Set(b.flag, v); err != nil {
			return fmt.Errorf("%s=%q: %w", b.env, v, err)
		}
	}
	return nil
}

// secret reads NAME or, when it is empty, the file named by NAME_FILE
// (Docker and Kubernetes secrets), trimming the trailing newline.
func secret(getenv func(string) string, name string) (string, error) {
	if v := getenv(name); v != "" {
		return v, nil
	}
	path := getenv(name + "_FILE")
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		// The path is configuration, not the secret: safe to report.
		return "", fmt.Errorf("%s_FILE: %w", name, err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

func (m *Main) printUsage(fs *flag.FlagSet, name, summary string, binds []binding, g groups) {
	w := fs.Output()
	operands := map[string]string{"redrive": " [dossier-id …]"}[name]
	fmt.Fprintf(w, "usage: hoso %s [flags]%s\n\n%s\n\nflags (each also read from the variable in brackets; a flag wins):\n", name, operands, summary)
	envOf := map[string]string{}
	for _, b := range binds {
		envOf[b.flag] = b.env
	}
	printFlags(fs, envOf)
	var secrets []string
	for _, s := range secretVars() {
		if (strings.HasPrefix(s, "HOSO_S3_") && g&withS3 != 0) || (strings.HasPrefix(s, "HOSO_NATS_") && g&withNATS != 0) {
			secrets = append(secrets, s)
		}
	}
	if len(secrets) > 0 {
		sort.Strings(secrets)
		fmt.Fprintf(w, "\nsecrets, from the environment only, or from the file named by the _FILE variant\n(e.g. HOSO_S3_SECRET_KEY_FILE=/run/secrets/s3); never logged:\n  %s\n", strings.Join(secrets, "\n  "))
	}
}

// options returns the store options for c. It does no I/O.
func (c s3Config) options() (ingest.S3Options, error) {
	o := ingest.S3Options{Endpoint: c.Endpoint, Secure: c.TLS, Region: c.Region,
		AccessKey: c.AccessKey, SecretKey: c.SecretKey}
	if strings.Contains(o.Endpoint, "://") {
		u, err := url.Parse(o.Endpoint)
		if err != nil {
			return o, fmt.Errorf("HOSO_S3_ENDPOINT: %w", err)
		}
		switch u.Scheme {
		case "https":
			o.Secure = true
		case "http":
		default:
			return o, fmt.Errorf("HOSO_S3_ENDPOINT: scheme %q, want http or https", u.Scheme)
		}
		o.Endpoint = u.Host
	}
	if o.Endpoint == "" {
		return o, errors.New("no S3 endpoint: set --s3-endpoint or HOSO_S3_ENDPOINT")
	}
	if o.AccessKey == "" || o.SecretKey == "" {
		return o, errors.New("no S3 credentials: set HOSO_S3_ACCESS_KEY and HOSO_S3_SECRET_KEY (or their _FILE variants)")
	}
	if o.Secure && (c.CA != "" || c.Insecure) {
		tc := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: c.Insecure}
		if c.CA != "" {
			pool, err := certPool(c.CA)
			if err != nil {
				return o, fmt.Errorf("HOSO_S3_CA_FILE: %w", err)
			}
			tc.RootCAs = pool
		}
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = tc
		o.Transport = tr
	}
	return o, nil
}

func certPool(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: no PEM certificate", path)
	}
	return pool, nil
}

// options returns the nats.Connect options for c. Reconnection is
// unbounded: a worker outlives a NATS restart instead of exiting.
func (c natsConfig) options(name string) ([]nats.Option, error) {
	opts := []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(500 * time.Millisecond),
	}
	if c.User != "" || c.Password != "" {
		opts = append(opts, nats.UserInfo(c.User, c.Password))
	}
	if c.Token != "" {
		opts = append(opts, nats.Token(c.Token))
	}
	if c.Creds != "" {
		opts = append(opts, nats.UserCredentials(c.Creds))
	}
	if c.NKey != "" {
		o, err := nats.NkeyOptionFromSeed(c.NKey)
		if err != nil {
			return nil, fmt.Errorf("HOSO_NATS_NKEY_FILE: %w", err)
		}
		opts = append(opts, o)
	}
	if c.CA != "" {
		opts = append(opts, nats.RootCAs(c.CA))
	}
	if c.Cert != "" || c.Key != "" {
		if c.Cert == "" || c.Key == "" {
			return nil, errors.New("NATS mutual TLS needs both --nats-cert and --nats-key")
		}
		opts = append(opts, nats.ClientCert(c.Cert, c.Key))
	}
	return opts, nil
}

// connect dials the NATS servers of c, retrying for up to wait while they
// are unreachable (compose and Kubernetes start everything at once) but
// failing at once on a refused login. Once connected it reconnects
// forever: a worker outlives a NATS restart.
func (c natsConfig) connect(name string, wait time.Duration) (*nats.Conn, error) {
	if c.URL == "" {
		return nil, errors.New("no NATS server: set --nats-url or HOSO_NATS_URL")
	}
	opts, err := c.options(name)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	delay := 100 * time.Millisecond
	for {
		nc, err := nats.Connect(c.URL, opts...)
		if err == nil {
			return nc, nil
		}
		if permanent(err) || time.Now().After(deadline) {
			return nil, fmt.Errorf("nats %s: %w", redactURL(c.URL), scrubbed(err, c.URL))
		}
		time.Sleep(delay)
		delay = min(2*delay, 2*time.Second)
	}
}

// permanent tells a refused login or a bad TLS setup, which waiting does
// not cure, from a server not up yet.
func permanent(err error) bool {
	if errors.Is(err, nats.ErrAuthorization) || errors.Is(err, nats.ErrAuthExpired) || errors.Is(err, nats.ErrAuthRevoked) {
		return true
	}
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "authorization") || strings.Contains(s, "authentication") ||
		strings.Contains(s, "certificate") || strings.Contains(s, "tls") ||
		strings.Contains(s, "parse") || strings.Contains(s, "invalid")
}

// redactURL drops user:password from NATS URLs before they reach a log.
// It works on the text, so a URL that does not parse is redacted too.
func redactURL(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		rest, scheme := p, ""
		if j := strings.Index(p, "://"); j >= 0 {
			scheme, rest = p[:j+3], p[j+3:]
		}
		if j := strings.LastIndex(rest, "@"); j >= 0 {
			rest = "REDACTED@" + rest[j+1:]
		}
		parts[i] = scheme + rest
	}
	return strings.Join(parts, ",")
}

// scrubbed returns err with every NATS URL of urls redacted: the client
// quotes URLs, user info and all, in its errors.
func scrubbed(err error, urls string) error {
	msg := err.Error()
	clean := msg
	for _, p := range strings.Split(urls, ",") {
		p = strings.TrimSpace(p)
		if p != "" {
			clean = strings.ReplaceAll(clean, p, redactURL(p))
		}
	}
	if clean == msg {
		return err
	}
	return errors.New(clean)
}

// processor builds the extract → validate → render pipeline of c; close
// stops the LibreOffice converters it may have started.
func (c *config) processor(ctx context.Context, log *slog.Logger) (p ingest.Processor, close func() error, err error) {
	// The upload limit is the readers' limit too: one number, so an upload
	// the API took is never refused later as too large.
	pl := &process.Pipeline{Extractor: &extract.Extractor{Logger: log, Limits: extract.Limits{MaxBytes: c.Ingest.MaxObjectSize}}}
	switch c.OCR {
	case "auto":
		ocr := extract.NewOCR(extract.OCROptions{Logger: log})
		if err := ocr.Available(); err != nil {
			log.Warn("hoso: OCR off: scanned pages and photos will end incomplete, unread", "err", err)
		} else {
			pl.Extractor.OCR = ocr
		}
	case "off":
	default:
		return nil, nil, fmt.Errorf("--ocr must be auto or off, not %q", c.OCR)
	}
	// Resolved once here: the pipeline's nil defaults would parse the
	// embedded rule set and issuer again for every dossier.
	pl.Rules, pl.Issuer = validate.Default(), render.DefaultIssuer()
	if c.Rules != "" {
		if pl.Rules, err = validate.LoadFile(c.Rules); err != nil {
			return nil, nil, fmt.Errorf("--rules: %w", err)
		}
	}
	if c.Issuer != "" {
		if pl.Issuer, err = render.LoadIssuer(c.Issuer); err != nil {
			return nil, nil, fmt.Errorf("--issuer: %w", err)
		}
		c.Ingest.PDF = c.Ingest.PDF || pl.Issuer.PDF
	}
	tx, closeWall := c.Wall.texter(ctx, pl.Extractor, c.Ingest.Workers, log)
	pl.Texter = tx
	close = closeWall
	if c.Ingest.PDF {
		pool := &process.PDFPool{Size: c.Ingest.Workers}
		pl.PDF = pool
		close = func() error { return errors.Join(pool.Close(), closeWall()) }
	}
	return pl, close, nil
}
