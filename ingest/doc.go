// Package ingest is the hoso pipeline service: uploads arrive in an object
// store, their events go through a NATS JetStream work queue, workers turn
// each file into a record and a reply letter, and the outcome is written
// back to the store, kept as state in NATS KV and announced as a
// CloudEvent. The same code serves MinIO + NATS (`hoso serve`) and the
// embedded mode (`hoso run`: in-process NATS, local folders).
//
// # Names
//
// Defaults of Config (all overridable):
//
//	buckets       hoso-uploads (clerks' uploads), hoso-letters (outputs)
//	HOSO_UPLOADS  subject hoso.uploads, WorkQueue: MinIO's NATS target publishes here
//	HOSO_EVENTS   subjects hoso.dossier.>, Limits: hoso.dossier.completed / .failed
//	HOSO_DLQ      subject hoso.dlq.uploads, Limits: dead letters (`hoso redrive`)
//	HOSO_ADVISORIES  $JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.HOSO_UPLOADS.workers
//	KV hoso_dossiers dossier id → State (JSON)
//	consumer      "workers" on HOSO_UPLOADS (durable, pull, AckExplicit,
//	              MaxAckPending = Workers); "dead-letters" on HOSO_ADVISORIES
//	MinIO ARN     arn:minio:sqs::PRIMARY:nats (see MinIOEnv)
//
// Outputs of dossier <id> uploaded as <origin>/…/<file> go to the letter
// bucket under letters/<origin>/<id>/: <kind>.docx, <kind>.pdf (when
// Config.PDF) and record.json. Keys are fixed by the id, so a redelivered
// message overwrites rather than duplicates.
//
// # API used by cmd/hoso
//
//	Setup(ctx, js, store, cfg) error        idempotent; ErrNoNotifyTarget + MinIOEnv
//	OpenDir(root) (*Dir, error)             local folder store (embedded mode)
//	NewS3(S3Options) (*S3, error)           any S3 service (MinIO)
//	New(ctx, js, store, processor, cfg) (*Service, error)
//	(*Service).Run(ctx) error               workers, dead-letter mover, reconciler
//	(*Service).Watcher(dir).Run(ctx) error  folder mode: fsnotify + scan + settle delay
//	(*Service).Handler() http.Handler       /v1/dossiers…, /healthz, /readyz, /metrics (no access control)
//	(*Service).HandlerWith(*access.Guard)   the same behind accounts, tokens and the audit trail
//	Purge(ctx, js, store, cfg, before, dry) retention: uploads, letters, states of old dossiers
//	(*Service).Reconcile(ctx) (int, error)
//	Redrive(ctx, js, cfg, ids...) (int, error)
//	Pipeline{Extractor, Texter, Rules, Issuer, PDF}  the Processor: extract → validate → render;
//	                                        Texter is the process wall (sandbox.Texter) in hoso's commands
//	PDFPool{Options, Size}                  LibreOffice converters shared by the workers
//	                                        (both, with Input, Output, DossierID and LetterPrefix,
//	                                        live in package process; these are aliases)
//	Enqueue / Known / States / Config        for tools and tests
//
// # Dossier id and state
//
// A dossier is one version of one object: its id is DossierID(bucket, key,
// ETag), a 24-character base32 hash, valid as a KV key and a subject token
// (object keys with Vietnamese letters or spaces are neither). Its State
// goes received → extracting → validated → rendered, or failed for a file
// that is not a readable dossier; dead_letter when retries ran out. A
// message for a dossier already rendered or failed is acked with no work.
// No upload is silently replaced (lineage.go): the same bytes under
// another name end duplicate, linked to the first dossier (KV hoso_content:
// sha256 → id); the reconciler marks a dossier superseded when its key
// holds a newer version, withdrawn when its object is gone.
//
// # Errors
//
// Store and NATS failures are transient: the message is nakked with a
// delay that grows with each delivery (Config.Backoff), and after
// Config.MaxDeliver deliveries it moves to HOSO_DLQ. Any other error
// about the file (a *hoso.Error of a code other than ETRANSIENT) fails the
// dossier: record.json with the reason, a failed event, TermWithReason.
//
// A file that kills its reader is a poison pill: State.Crashes is raised
// in KV before the file is read and lowered when reading returns, so a
// worker that died mid-file (or a parsing child killed from outside its
// limits: sandbox.ErrCrashed) leaves it raised. At Config.MaxCrashes (2)
// the dossier fails without being read again and its message is
// terminated.
//
// # Edges
//
// Only dossier ids of DossierID's form (ValidID) reach NATS from a
// request; object keys are bounded by CheckKey before anything is named
// after them. An upload's body is cut off when it stalls (Config.BodyIdle)
// or trickles (Config.BodyMinRate): 408; a truncated or malformed one is
// 400. /healthz fails when the workers get no answer from NATS (Stalled).
//
// Logs carry dossier ids, never names or dates of birth; object keys, which
// clerks often name after the candidate, are redacted from logged errors.
// Events carry the dossier's summary (verdict, keys), not record.json's
// personal data.
package ingest
