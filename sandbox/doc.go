// Package sandbox contains untrusted parsing: it reads uploads into text
// in child processes of the same binary, each with an address-space limit,
// a CPU-time limit, a wall deadline, no network and a private temporary
// folder. A file that makes the parser allocate without bound, loop or
// crash costs one child, never the service: the child is killed with its
// whole process group and the file gets a rejected reason in Vietnamese
// and English.
//
// A *Texter is a dossier.Texter, so the pipeline, `hoso process` and
// `hoso extract` swap it for an in-process extract.Extractor without
// other change. Children are reused for many files (starting one per file
// would cost more than reading a DOCX); one that failed in any way is
// never reused.
//
// # The child
//
// The child is the same executable started with the argument
// ChildCommand. A program that hosts children calls Main first thing in
// main (and test binaries in TestMain): in a child it serves requests and
// exits, elsewhere it returns at once.
//
// # Limits and what happens at each
//
//	Options.Memory  address space beyond the Go runtime's own reservation
//	                (RLIMIT_AS, inherited by Tesseract and Poppler); the
//	                runtime dies with "out of memory" → too_large
//	Options.CPU     CPU time of one file in the child (soft RLIMIT_CPU
//	                raised per file; SIGXCPU ends the child) → timeout
//	Options.Wall    wall time of one file; the parent kills the process
//	                group → timeout
//	network         a new network namespace with only a down loopback,
//	                when the kernel allows it (root, or user namespaces)
//	temp dir        a private folder per child, removed with it
//
// A child that dies otherwise — a Go fatal error or panic → unreadable;
// killed by a signal the sandbox did not send (the kernel's OOM killer) →
// a transient error wrapping ErrCrashed, which the service counts towards
// its poison-pill limit.
package sandbox
