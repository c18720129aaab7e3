package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
)

// accessFlags are the settings of who may reach the HTTP API and how.
type accessFlags struct {
	tlsCert, tlsKey string
	proxies         string // trusted reverse proxies, comma-separated CIDRs or addresses
	origins         string // extra origins allowed to post forms (CSRF)
	metrics         bool   // serve /metrics
}

func (a *accessFlags) define(fs *flag.FlagSet, bind func(fl, env string)) {
	fs.StringVar(&a.tlsCert, "tls-cert", "", "serve the HTTP API over HTTPS with this certificate (PEM)")
	fs.StringVar(&a.tlsKey, "tls-key", "", "private key of --tls-cert (PEM)")
	fs.StringVar(&a.proxies, "trusted-proxies", "", "reverse proxies (CIDRs or addresses, comma-separated) whose X-Forwarded-For/-Proto are believed; needed to listen beyond loopback without TLS")
	fs.StringVar(&a.origins, "trusted-origins", "", "other origins (https://host) whose pages may post to the API, comma-separated")
	fs.BoolVar(&a.metrics, "metrics", true, "serve /metrics (queue depths and counters, no personal data)")
	bind("tls-cert", "HOSO_TLS_CERT_FILE")
	bind("tls-key", "HOSO_TLS_KEY_FILE")
	bind("trusted-proxies", "HOSO_TRUSTED_PROXIES")
	bind("trusted-origins", "HOSO_TRUSTED_ORIGINS")
	bind("metrics", "HOSO_METRICS")
}

func (a *accessFlags) trustedProxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(a.proxies, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			addr, err2 := netip.ParseAddr(f)
			if err2 != nil {
				return nil, fmt.Errorf("--trusted-proxies: %q is neither a CIDR nor an address", f)
			}
			p = netip.PrefixFrom(addr, addr.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// guard is the options of the access guard the flags describe: the
// trusted proxies and the other origins allowed to post forms.
func (a *accessFlags) guard(log *slog.Logger) (access.GuardOptions, error) {
	proxies, err := a.trustedProxies()
	if err != nil {
		return access.GuardOptions{}, err
	}
	var origins []string
	for _, o := range strings.Split(a.origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	return access.GuardOptions{TrustedProxies: proxies, TrustedOrigins: origins, Logger: log}, nil
}

// checkListen refuses to serve personal data in clear text beyond this
// machine: a non-loopback --http needs TLS or a trusted proxy in front.
func checkListen(addr string, a *accessFlags) error {
	if (a.tlsCert == "") != (a.tlsKey == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--http %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsLoopback() {
		return nil
	}
	if a.tlsCert != "" || a.proxies != "" {
		return nil
	}
	return fmt.Errorf("--http %s: API hồ sơ chứa dữ liệu cá nhân; chỉ mở ra ngoài máy này qua HTTPS "+
		"(--tls-cert/--tls-key) hoặc sau reverse proxy tin cậy (--trusted-proxies). "+
		"The API carries personal data: listen on a non-loopback address only with TLS (--tls-cert and --tls-key, "+
		"HOSO_TLS_CERT_FILE/HOSO_TLS_KEY_FILE) or behind a TLS-terminating reverse proxy named in --trusted-proxies "+
		"(HOSO_TRUSTED_PROXIES); or keep the default 127.0.0.1:8080", addr)
}

// accessStore opens the accounts, sessions and audit trail on js.
func (m *Main) accessStore(ctx context.Context, c *config, js jetstream.JetStream) (*access.Store, error) {
	st, err := access.Open(ctx, js, access.Options{Replicas: c.Ingest.Replicas, Logger: m.Logger})
	if err != nil {
		return nil, fmt.Errorf("hoso: accounts: %w", err)
	}
	return st, nil
}

// bootstrap creates the first administrator when there is no account at
// all: with the password in HOSO_ADMIN_PASSWORD_FILE, or a generated one
// printed once on standard output (never to the log). `hoso run` calls it
// always, `hoso serve` only with the file set.
func (m *Main) bootstrap(ctx context.Context, st *access.Store, generate bool, apiURL string) error {
	has, err := st.HasAccounts(ctx)
	if err != nil || has {
		return err
	}
	pw, err := secret(m.Getenv, "HOSO_ADMIN_PASSWORD")
	if err != nil {
		return err
	}
	if pw == "" && !generate {
		m.Logger.Warn("hoso: no accounts yet: nobody can use the API; create one with 'hoso users add' or set HOSO_ADMIN_PASSWORD_FILE")
		return nil
	}
	gen, err := st.AddAccount(ctx, access.NewAccount{Name: "admin", FullName: "Quản trị", Roles: []access.Role{access.Admin},
		Units: []string{}, Password: pw})
	if errors.Is(err, access.ErrExists) {
		return nil // another instance was first
	}
	if err != nil {
		return fmt.Errorf("hoso: first administrator: %w", err)
	}
	if err := st.Record(ctx, access.Entry{Action: access.ActAccountAdd, Via: "cli", Target: "admin"}); err != nil {
		return err
	}
	if gen == "" {
		fmt.Fprintf(m.Stdout, "hoso: đã tạo tài khoản quản trị \"admin\" với mật khẩu trong HOSO_ADMIN_PASSWORD_FILE / administrator \"admin\" created with the password of HOSO_ADMIN_PASSWORD_FILE\n")
		return nil
	}
	loginLine := "  trang làm việc / workspace: " + apiURL + "/  (đăng nhập bằng tài khoản trên / log in with the account above)\n" +
		"  API:                  curl -c cookies.txt -d name=admin -d password=… " + apiURL + "/v1/login"
	if strings.HasSuffix(apiURL, "://") {
		loginLine = "  (không có HTTP API / no HTTP API: --http is empty)"
	}
	fmt.Fprintf(m.Stdout, `
hoso: lần chạy đầu tiên — đã tạo tài khoản quản trị / first start — administrator account created
  tài khoản / account:   admin
  mật khẩu / password:   %s
  (chỉ hiện một lần; đổi ngay sau khi đăng nhập / shown once; change it after logging in)
%s
  tạo người dùng / add users: hoso users add --role van_thu --units <don-vi> <ten>
  mã API / API token:    hoso users add --role he_thong --units all robot && hoso users token --scope read,upload robot

`, gen, loginLine)
	return nil
}

// apiHandler is the API of svc behind the accounts of st, with /metrics
// switched by --metrics.
func (m *Main) apiHandler(c *config, svc *ingest.Service, st *access.Store) (http.Handler, error) {
	gopt, err := c.Access.guard(m.Logger)
	if err != nil {
		return nil, err
	}
	g, err := access.NewGuard(st, gopt)
	if err != nil {
		return nil, err
	}
	h := svc.HandlerWith(g)
	if c.Access.metrics {
		return h, nil
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/metrics" {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}), nil
}

// serveAPI serves srv on l, over TLS when configured.
func (a *accessFlags) serveAPI(srv *http.Server, l net.Listener) error {
	if a.tlsCert == "" {
		return srv.Serve(l)
	}
	srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return srv.ServeTLS(l, a.tlsCert, a.tlsKey)
}

func (a *accessFlags) scheme() string {
	if a.tlsCert != "" {
		return "https"
	}
	return "http"
}
