// Package access decides who may read and change dossiers, and keeps the
// record of who did: accounts with roles and units, browser sessions, API
// tokens, login throttling and an append-only audit trail, all stored in
// NATS JetStream next to the pipeline's own state.
//
// # Roles and permissions
//
// An account holds roles (Clerk van_thu, Reviewer chuyen_vien, Signer
// lanh_dao, Admin quan_tri, System he_thong) and units: the upload
// origins (first folder of an object key) whose dossiers it may touch, or
// AllUnits. Role.Permissions is the table; Principal.Can is the one place
// a decision is made. Unit-scoped permissions (Read, Upload, Correct,
// Render, Approve) need the dossier's unit among the principal's; the
// others (Events, Accounts, Rules, Audit) are global. An API token acts for
// its account, narrowed to its scopes (read, upload, events) and units.
//
// # Storage
//
//	KV hoso_access    account.<name>, token.<id>, unit.<base64url id>
//	KV hoso_sessions  s.<sha256 of cookie> (TTL = session max age)
//	KV hoso_throttle  a.<name>, ip.<address> failed-login counters (memory, TTL = window)
//	stream HOSO_AUDIT hoso.audit.<action>, DenyDelete + DenyPurge
//
// Passwords are argon2id hashes (PHC strings); token secrets and session
// ids are stored as SHA-256 digests, so a copy of the buckets logs nobody
// in.
//
// # HTTP
//
// Guard.Protect wraps a whole handler: http.CrossOriginProtection against
// CSRF, then authentication of a bearer token or session cookie. Guard.Require
// wraps a route with its permission and audit action; inside, handlers call
// Check (decide on a dossier's unit, record the act) or Allowed (filter a
// list) and Note. Guard.Routes adds /v1/login, /v1/logout, /v1/me and
// /v1/audit.
package access
