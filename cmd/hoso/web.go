package main

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/web"
	"github.com/nats-io/nats.go/jetstream"
)

// workspace serves the Vietnamese web pages (package web) at / next to the
// JSON API of apiHandler under /v1/. The workspace corrects and renders
// with the same rule set, issuer profile and PDF converters as the
// pipeline proc.
func (m *Main) workspace(ctx context.Context, c *config, svc *ingest.Service, people *access.Store,
	js jetstream.JetStream, st ingest.Store, proc ingest.Processor) (http.Handler, error) {
	api, err := m.apiHandler(c, svc, people)
	if err != nil {
		return nil, err
	}
	gopt, err := c.Access.guard(m.Logger)
	if err != nil {
		return nil, err
	}
	opt := web.Options{Service: svc, Store: st, JS: js, Access: people, Logger: m.Logger, Guard: gopt}
	if pl, ok := proc.(*process.Pipeline); ok {
		opt.Rules, opt.Issuer = pl.Rules, pl.Issuer
		if pl.PDF != nil {
			opt.PDF = pl.PDF
		}
	}
	ws, err := web.New(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("workspace: %w", err)
	}
	return ws.With(api), nil
}
