package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
)

// HandlerWith returns the HTTP API of Handler behind g: every /v1/ route
// needs a session or a bearer token (401 without), each route a permission
// (403 without), and each dossier one of the caller's units (404 outside
// them, so existence does not leak; 403 for an upload into another unit).
// Every act is written to the audit trail; a view or download only once
// its entry is stored. /v1/login, /v1/logout, /v1/me and /v1/audit come
// from g. /healthz, /readyz and /metrics stay open: they hold no personal
// data.
func (s *Service) HandlerWith(g *access.Guard) http.Handler {
	return s.handler(g)
}

// route wraps a /v1/ handler with its permission and audit action. Without
// a guard (Handler: tests, or embedding behind another gate) the route is
// open.
func (s *Service) route(g *access.Guard, perm access.Permission, act access.Action, h http.HandlerFunc) http.Handler {
	if g == nil {
		return access.Unguarded(h)
	}
	return g.Require(perm, act, h)
}

// errForbidden refuses an act in a unit the caller may see but not act in.
var errForbidden = fmt.Errorf("%w: not in your units", access.ErrForbidden)

// checkDossier decides whether the request may act on st with perm:
// ErrNotFound outside the caller's units (the dossier's existence is not
// theirs to learn), a transient error when the audit trail cannot record
// the act.
func checkDossier(r *http.Request, perm access.Permission, st *State) error {
	switch err := access.Check(r.Context(), perm, st.ID, st.Origin); {
	case errors.Is(err, access.ErrForbidden):
		return fmt.Errorf("%w: dossier %s", ErrNotFound, st.ID)
	case err != nil:
		return transient(err, "ghi nhật ký truy cập", "write the audit trail")
	}
	return nil
}

// visible drops the states outside the caller's units, before any count.
func visible(ctx context.Context, states []*State) []*State {
	return slices.DeleteFunc(states, func(st *State) bool { return !access.Allowed(ctx, access.Read, st.Origin) })
}

// uploadOrigin decides the unit of an upload: the one given, or, when
// none is given and the caller has exactly one unit, that one. errForbidden
// when the caller may not upload there.
func uploadOrigin(r *http.Request, origin string) (string, error) {
	if p := access.PrincipalOf(r.Context()); origin == "" && p != nil && len(p.Units) == 1 && p.Units[0] != access.AllUnits {
		origin = p.Units[0]
	}
	if err := access.Check(r.Context(), access.Upload, "", origin); err != nil {
		return origin, errForbidden
	}
	return origin, nil
}

// maxRenames bounds the search for a free key.
const maxRenames = 100

// freeKey returns key, or, when an object of that key is stored already,
// the first free "name (2).ext", "name (3).ext"… A stored source is never
// replaced through the API: its dossier and letter would point to another
// file. (Two uploads of one new name in the same instant can still race;
// the folder watcher and MinIO's versioning are the backstop.)
func (s *Service) freeKey(ctx context.Context, key string) (string, error) {
	dir, name := path.Split(key)
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= maxRenames; i++ {
		k := key
		if i > 1 {
			k = fmt.Sprintf("%s%s (%d)%s", dir, stem, i, ext)
		}
		_, err := s.store.Stat(ctx, s.cfg.UploadBucket, k)
		if errors.Is(err, ErrNotFound) {
			return k, nil
		}
		if err != nil {
			return "", transient(err, "kiểm tra tệp đã có", "check for an existing file")
		}
	}
	return "", hoso.Errorf(hoso.EINVALID, "đã có quá nhiều tệp cùng tên %q", "too many files named %q already", name)
}
