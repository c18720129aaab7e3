// Package process holds the processing steps of a dossier, apart from the
// service that runs them: extract → validate → render (Pipeline), the
// dossier's identity (DossierID, ValidID) and where its outputs are kept
// (LetterPrefix).
//
// ingest is the service around it (queue, state, storage, events); `hoso
// process` calls it on local files; the workspace (package web) calls it to
// re-validate and re-render a corrected record. None of them is imported
// here, so each can depend on it.
package process
