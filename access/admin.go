package access

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/hoso-vn/hoso"
)

// AccountView is an account as the API shows it: never its password hash.
type AccountView struct {
	Name       string    `json:"name"`
	FullName   string    `json:"full_name,omitempty"`
	Roles      []Role    `json:"roles"`
	Units      []string  `json:"units"`
	Disabled   bool      `json:"disabled,omitempty"`
	MustChange bool      `json:"must_change,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
}

// View returns what may be shown of a.
func (a *Account) View() AccountView {
	return AccountView{Name: a.Name, FullName: a.FullName, Roles: a.Roles, Units: a.Units, Disabled: a.Disabled,
		MustChange: a.MustChange, Created: a.Created, Updated: a.Updated}
}

// adminRoutes are the administrator's API (permission Accounts), each act
// in the audit trail with its target:
//
//	GET  /v1/accounts                       accounts (no password hashes)
//	POST /v1/accounts                       {name, full_name, roles, units} → generated password, once
//	POST /v1/accounts/{name}/disable|enable
//	POST /v1/accounts/{name}/reset          → generated password, once; ends its sessions
//	POST /v1/accounts/{name}/tokens         {scopes, units, ttl, label} → the token, once
//	GET  /v1/tokens                         tokens (never their secrets)
//	POST /v1/tokens/{id}/revoke
//	GET  /v1/units, POST /v1/units          {id, name}
func (g *Guard) adminRoutes(mux Router) {
	mux.Handle("GET /v1/accounts", g.Require(Accounts, ActAccountList, g.listAccounts))
	mux.Handle("POST /v1/accounts", g.Require(Accounts, ActAccountAdd, g.addAccount))
	mux.Handle("POST /v1/accounts/{name}/disable", g.Require(Accounts, ActAccountEdit, g.setDisabled(true)))
	mux.Handle("POST /v1/accounts/{name}/enable", g.Require(Accounts, ActAccountEdit, g.setDisabled(false)))
	mux.Handle("POST /v1/accounts/{name}/reset", g.Require(Accounts, ActPasswordSet, g.resetPassword))
	mux.Handle("POST /v1/accounts/{name}/tokens", g.Require(Accounts, ActTokenCreate, g.createToken))
	mux.Handle("GET /v1/tokens", g.Require(Accounts, ActAccountList, g.listTokens))
	mux.Handle("POST /v1/tokens/{id}/revoke", g.Require(Accounts, ActTokenRevoke, g.revokeToken))
	mux.Handle("GET /v1/units", g.Require(Accounts, ActAccountList, g.listUnits))
	mux.Handle("POST /v1/units", g.Require(Accounts, ActUnitEdit, g.putUnit))
}

// target ties the account or token acted on to the request's entry.
func target(r *http.Request, t string) {
	if req := fromContext(r.Context()); req != nil {
		req.mu.Lock()
		req.target = t
		req.mu.Unlock()
	}
}

// adminError answers a store error: 404, 400 with its reason, 409, or 503.
func (g *Guard) adminError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		writeError(w, http.StatusNotFound, &hoso.ErrorInfo{Code: "not_found", Message: "Không tìm thấy.", English: "Not found."})
	case errors.Is(err, ErrExists):
		writeError(w, http.StatusConflict, &hoso.ErrorInfo{Code: "exists", Message: "Đã có tài khoản này.", English: "The account exists already."})
	case errors.Is(err, ErrInvalid):
		writeError(w, http.StatusBadRequest, &hoso.ErrorInfo{Code: hoso.EINVALID, Message: "Dữ liệu không hợp lệ: " + err.Error(), English: err.Error()})
	default:
		g.opt.Logger.Error("access: admin", "err", err)
		writeError(w, http.StatusServiceUnavailable, errUnavailable)
	}
}

// decodeBody reads a small JSON body.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

func (g *Guard) listAccounts(w http.ResponseWriter, r *http.Request) {
	all, err := g.st.Accounts(r.Context())
	if err != nil {
		g.adminError(w, err)
		return
	}
	views := make([]AccountView, 0, len(all))
	for _, a := range all {
		views = append(views, a.View())
	}
	writeJSON(w, http.StatusOK, struct {
		Accounts []AccountView `json:"accounts"`
	}{views})
}

func (g *Guard) addAccount(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name     string   `json:"name"`
		FullName string   `json:"full_name"`
		Roles    []Role   `json:"roles"`
		Units    []string `json:"units"`
	}
	if err := decodeBody(w, r, &req); err != nil {
		g.adminError(w, err)
		return
	}
	target(r, req.Name)
	pw, err := g.st.AddAccount(r.Context(), NewAccount{Name: req.Name, FullName: req.FullName, Roles: req.Roles, Units: req.Units})
	if err != nil {
		g.adminError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, struct {
		Name     string `json:"name"`
		Password string `json:"password,omitempty"` // shown once
	}{req.Name, pw})
}

func (g *Guard) setDisabled(disabled bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		target(r, name)
		if err := g.st.SetDisabled(r.Context(), name, disabled); err != nil {
			g.adminError(w, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

func (g *Guard) resetPassword(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	target(r, name)
	pw, err := g.st.ResetPassword(r.Context(), name, "")
	if err != nil {
		g.adminError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Name     string `json:"name"`
		Password string `json:"password"` // shown once
	}{name, pw})
}

func (g *Guard) createToken(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Scopes []Scope  `json:"scopes"`
		Units  []string `json:"units"`
		TTL    string   `json:"ttl"` // Go duration, "" for none
		Label  string   `json:"label"`
	}
	if err := decodeBody(w, r, &req); err != nil {
		g.adminError(w, err)
		return
	}
	var ttl time.Duration
	if req.TTL != "" {
		var err error
		if ttl, err = time.ParseDuration(req.TTL); err != nil || ttl < 0 {
			g.adminError(w, fmt.Errorf("%w: ttl %q", ErrInvalid, req.TTL))
			return
		}
	}
	name := r.PathValue("name")
	t, raw, err := g.st.CreateToken(r.Context(), NewToken{Account: name, Name: req.Label, Scopes: req.Scopes, Units: req.Units, TTL: ttl})
	if err != nil {
		target(r, name)
		g.adminError(w, err)
		return
	}
	target(r, "token:"+t.ID)
	writeJSON(w, http.StatusCreated, struct {
		*Token
		Secret string `json:"token"` // shown once
	}{t, raw})
}

func (g *Guard) listTokens(w http.ResponseWriter, r *http.Request) {
	toks, err := g.st.Tokens(r.Context(), r.URL.Query().Get("account"))
	if err != nil {
		g.adminError(w, err)
		return
	}
	if toks == nil {
		toks = []*Token{}
	}
	writeJSON(w, http.StatusOK, struct {
		Tokens []*Token `json:"tokens"`
	}{toks})
}

func (g *Guard) revokeToken(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	target(r, "token:"+id)
	if _, err := g.st.RevokeToken(r.Context(), id); err != nil {
		g.adminError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (g *Guard) listUnits(w http.ResponseWriter, r *http.Request) {
	units, err := g.st.Units(r.Context())
	if err != nil {
		g.adminError(w, err)
		return
	}
	if units == nil {
		units = []Unit{}
	}
	writeJSON(w, http.StatusOK, struct {
		Units []Unit `json:"units"`
	}{units})
}

func (g *Guard) putUnit(w http.ResponseWriter, r *http.Request) {
	var u Unit
	if err := decodeBody(w, r, &u); err != nil {
		g.adminError(w, err)
		return
	}
	target(r, "unit:"+u.ID)
	if err := g.st.PutUnit(r.Context(), u); err != nil {
		g.adminError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
