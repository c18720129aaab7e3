package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/ingest"
)

const serveSummary = `Runs the workers and the HTTP API against MinIO (or any S3 service) and NATS
JetStream. Creates the streams, KV bucket, buckets and the bucket's
notification rule first (as 'hoso setup' does). Any number of instances may
share one MinIO and one NATS. SIGINT or SIGTERM stops it: dossiers in flight
finish or go back to NATS for another instance.`

func cmdServe(ctx context.Context, m *Main, args []string) error {
	c, err := m.parseConfig("serve", serveSummary, withS3|withNATS|withWorker|withHTTP, args)
	if err != nil {
		return err
	}
	st, err := c.s3Store()
	if err != nil {
		return fmt.Errorf("hoso serve: %w", err)
	}
	nc, err := c.NATS.connect("hoso serve", 30*time.Second)
	if err != nil {
		return fmt.Errorf("hoso serve: %w", err)
	}
	defer closeFlushed(nc)
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("hoso serve: %w", err)
	}
	m.Logger.Info("hoso serve: connected", "nats", nc.ConnectedUrlRedacted(), "s3", c.S3.Endpoint)
	return m.pipeline(ctx, c, js, st, nil)
}

// closeFlushed closes nc once the acks and naks of the last dossiers have
// reached the server, so a stopping worker's work is handed back at once.
func closeFlushed(nc *nats.Conn) {
	nc.FlushTimeout(2 * time.Second)
	nc.Close()
}

// s3Store opens the S3 store of c.
func (c *config) s3Store() (*ingest.S3, error) {
	o, err := c.S3.options()
	if err != nil {
		return nil, err
	}
	return ingest.NewS3(o)
}

// pipeline sets the streams and buckets up, then runs the service (and,
// with a folder store, its watcher) and the HTTP API until ctx ends.
func (m *Main) pipeline(ctx context.Context, c *config, js jetstream.JetStream, st ingest.Store, dir *ingest.Dir) error {
	if c.HTTP != "" {
		if err := checkListen(c.HTTP, &c.Access); err != nil {
			return fmt.Errorf("hoso: %w", err)
		}
	}
	proc, closeProc, err := c.processor(ctx, m.Logger)
	if err != nil {
		return err
	}
	defer closeProc()
	cfg := c.Ingest
	cfg.Logger = m.Logger
	if err := setupWithRetry(ctx, m, js, st, cfg); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		if !errors.Is(err, ingest.ErrNoNotifyTarget) {
			return fmt.Errorf("hoso: setup: %w", err)
		}
		// Uploads still arrive, through the reconciler, only later.
		m.Logger.Warn("hoso: MinIO has no NATS target; uploads are found by the reconciler only",
			"every", cfg.WithDefaults().ReconcileEvery, "fix", "restart MinIO with the environment 'hoso setup' prints")
	}
	svc, err := ingest.New(ctx, js, st, proc, cfg)
	if err != nil {
		return err
	}
	people, err := m.accessStore(ctx, c, js)
	if err != nil {
		return err
	}
	if err := m.bootstrap(ctx, people, c.Data != "", c.Access.scheme()+"://"+c.HTTP); err != nil {
		return err
	}

	var srv *http.Server
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	if c.HTTP != "" {
		l, err := net.Listen("tcp", c.HTTP)
		if err != nil {
			return fmt.Errorf("hoso: HTTP API: %w", err)
		}
		// Uploads bound their own body reads (ingest's bodyReader); these
		// bound the rest: headers, idle keep-alive connections, a client
		// that never reads the answer.
		api, err := m.workspace(ctx, c, svc, people, js, st, proc)
		if err != nil {
			return fmt.Errorf("hoso: HTTP API: %w", err)
		}
		srv = &http.Server{Handler: api, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
			WriteTimeout: 30 * time.Minute, MaxHeaderBytes: 64 << 10}
		m.Logger.Info("hoso: HTTP API listening", "url", c.Access.scheme()+"://"+l.Addr().String()+"/v1/dossiers",
			"workspace", c.Access.scheme()+"://"+l.Addr().String()+"/",
			"login", "POST /v1/login or Authorization: Bearer <token>")
		wg.Go(func() {
			if err := c.Access.serveAPI(srv, l); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errs <- fmt.Errorf("hoso: HTTP API: %w", err)
			}
		})
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	if dir != nil {
		w := svc.Watcher(dir)
		wg.Go(func() {
			if err := w.Run(runCtx); err != nil && runCtx.Err() == nil {
				errs <- fmt.Errorf("hoso: watcher: %w", err)
				stop()
			}
		})
	}
	workersDone := make(chan error, 1)
	go func() { workersDone <- svc.Run(runCtx) }()
	var runErr error
	select {
	case runErr = <-workersDone: // stopped by ctx, or could not start
		stop()
	case runErr = <-errs: // the API or the watcher broke: stop the workers too
		stop()
		<-workersDone
	}
	if srv != nil {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		srv.Shutdown(sctx)
		cancel()
	}
	wg.Wait()
	if runErr == nil {
		select {
		case runErr = <-errs:
		default:
		}
	}
	m.Logger.Info("hoso: stopped")
	return runErr
}

// setupWithRetry runs ingest.Setup, retrying while NATS or the store is
// still starting (compose and Kubernetes start everything at once).
func setupWithRetry(ctx context.Context, m *Main, js jetstream.JetStream, st ingest.Store, cfg ingest.Config) error {
	delay := 500 * time.Millisecond
	deadline := time.Now().Add(2 * time.Minute)
	for {
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := ingest.Setup(sctx, js, st, cfg)
		cancel()
		if err == nil || errors.Is(err, ingest.ErrNoNotifyTarget) || ctx.Err() != nil || time.Now().After(deadline) || !retryable(err) {
			return err
		}
		m.Logger.Warn("hoso: setup failed, retrying", "err", err, "in", delay)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

// retryable tells a service still starting (a store or NATS not up yet)
// from a mistake that waiting does not cure: credentials refused, a
// permission missing. S3 errors are told by their code, never their text:
// MinIO's messages differ from AWS's ("SignatureDoesNotMatch" is a code;
// its message is a sentence), so matching text retried a wrong secret for
// two minutes.
func retryable(err error) bool {
	var resp minio.ErrorResponse
	if errors.As(err, &resp) {
		if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden || s3AuthCodes[resp.Code] {
			return false
		}
	}
	return !errors.Is(err, nats.ErrAuthorization) && !errors.Is(err, nats.ErrAuthExpired) &&
		!errors.Is(err, nats.ErrAuthRevoked) && !errors.Is(err, nats.ErrPermissionViolation)
}

// s3AuthCodes are the S3 error codes of refused credentials or access.
var s3AuthCodes = map[string]bool{
	"AccessDenied": true, "InvalidAccessKeyId": true, "SignatureDoesNotMatch": true,
	"InvalidToken": true, "ExpiredToken": true, "TokenRefreshRequired": true,
	"AuthorizationHeaderMalformed": true, "AuthorizationQueryParametersError": true,
	"AllAccessDisabled": true, "AccountProblem": true, "InvalidSecurity": true,
	"XMinioInvalidSignatureV4Request": true,
}
