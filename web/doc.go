// Package web is the workspace: server-rendered Vietnamese pages (Go
// html/template, CSS and a small script embedded, no build step) where
// clerks drop files, reviewers check every value against the page it was
// read from and correct it with a reason, signers approve, and a numbered
// letter goes out.
//
// It depends on process (the processing steps, to re-validate and
// re-render a corrected record), ingest (the running service's states,
// store and queue) and access (accounts, sessions, CSRF, audit); none of
// them depends on it. Server.With serves it at / beside ingest's JSON API
// under /v1/.
//
// # State
//
//	KV hoso_workspace  d.<id> → Dossier: corrected versions, approval, voided numbers
//	                   cfg.issuer, cfg.rules: the profile and rule set saved in /admin
//	KV hoso_register   r.<issuer>.<year> → Register: the outgoing register (sổ văn bản đi)
//	letters bucket     letters/<unit>/<id>/v<N>/…   a corrected version's record and letter
//	                   letters/<unit>/<id>/so-<year>-<n>/…  the approved, numbered letter
//
// The pipeline's own output stays version 1, untouched. A number is given
// by compare-and-set on the register's KV entry, so instances never give
// the same one and a given number is never given again: a correction after
// approval marks it voided in the register.
//
// # Access
//
// The workspace makes its own access.Guard over the shared store, whose
// refusals are pages: a 401 on a page redirects to /login, a 403 (a
// cross-site form post included) is a Vietnamese page. Pages of a dossier
// outside the caller's units answer 404, as the API does.
package web
