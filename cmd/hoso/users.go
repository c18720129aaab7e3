package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/access"
)

const usersSummary = `Manages accounts and API tokens, for scripts and the first steps:

  hoso users add --role ROLES --units UNITS [--full-name N] [--password-stdin] NAME
  hoso users list
  hoso users disable NAME | enable NAME
  hoso users reset [--password-stdin] NAME     new password, ends NAME's sessions
  hoso users token --scope SCOPES [--units UNITS] [--ttl D] [--label L] NAME
  hoso users tokens [NAME]                     list tokens (never their secrets)
  hoso users revoke TOKEN-ID

Roles: van_thu (clerk), chuyen_vien (reviewer), lanh_dao (signer),
quan_tri (administrator), he_thong (automation; tokens only). Units: the
upload folders (first segment of the key), comma-separated, or "all".
Scopes: read, upload, events. A generated password or a token is printed
once, on standard output; only its hash is stored.

Reaches the accounts through --nats-url (HOSO_NATS_URL), or, without it,
the embedded NATS of --data (only while 'hoso run' is stopped; a running
'hoso run --nats-listen 127.0.0.1:4222' is reached with --nats-url).`

const auditSummary = `Prints the audit trail, oldest first: who did what, when, from where, to
which dossier. Filters: --dossier ID, --account NAME, --action ACTION,
--since/--until (RFC 3339, YYYY-MM-DD, or a duration back from now such as
24h), --limit N (the newest N). --json prints one JSON entry a line.`

// accessCLI holds the connection of a users or audit command.
type accessCLI struct {
	st    *access.Store
	close func()
}

// cliConn connects a short command as 'hoso serve' would (HOSO_NATS_*
// variables and --nats-url), or starts the embedded NATS of --data. It
// parses the command's flags, defined on fs beforehand, and returns the
// operands.
func (m *Main) cliConn(fs *flag.FlagSet, args []string, g groups) (*config, jetstream.JetStream, func(), []string, error) {
	c, _, err := m.parseConfigArgs(strings.TrimPrefix(fs.Name(), "hoso "), "", g|withNATS|withEmbedded, nil) // the environment only
	if err != nil {
		return nil, nil, nil, nil, err
	}
	natsURL := fs.String("nats-url", c.NATS.URL, "NATS server URLs [HOSO_NATS_URL]")
	data := fs.String("data", c.Data, "folder of the embedded mode, when no --nats-url [HOSO_DATA]")
	if err := fs.Parse(args); err != nil {
		return nil, nil, nil, nil, err
	}
	c.NATS.URL, c.Data = *natsURL, *data
	var js jetstream.JetStream
	var closeFn func()
	if c.NATS.URL != "" {
		nc, err := c.NATS.connect(fs.Name(), 10*time.Second)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		closeFn = func() { closeFlushed(nc) }
		js, err = jetstream.New(nc)
		if err != nil {
			closeFn()
			return nil, nil, nil, nil, err
		}
	} else {
		dir, err := filepath.Abs(c.Data)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		quiet := *m // the server's start-up line is noise in a script's output
		quiet.Logger = slog.New(slog.DiscardHandler)
		_, nc, stop, err := quiet.embeddedNATS(filepath.Join(dir, "nats"), "")
		if err != nil {
			// The lock's message names a running 'hoso run' and the way
			// to reach it (--nats-listen, --nats-url).
			return nil, nil, nil, nil, err
		}
		closeFn = func() { closeFlushed(nc); stop() }
		js, err = jetstream.New(nc)
		if err != nil {
			closeFn()
			return nil, nil, nil, nil, err
		}
	}
	return c, js, closeFn, fs.Args(), nil
}

// openAccess is cliConn with the accounts opened.
func (m *Main) openAccess(ctx context.Context, fs *flag.FlagSet, args []string) (*accessCLI, []string, error) {
	c, js, closeFn, rest, err := m.cliConn(fs, args, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := m.accessStore(ctx, c, js)
	if err != nil {
		closeFn()
		return nil, nil, err
	}
	return &accessCLI{st: st, close: closeFn}, rest, nil
}

func cmdUsers(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(m.Stderr, "usage:\n"+usersSummary)
		if len(args) == 0 {
			return errors.New("hoso users: which subcommand?")
		}
		return flag.ErrHelp
	}
	sub, args := args[0], args[1:]
	fs := m.flags("users " + sub)
	fs.Usage = func() { fmt.Fprintln(m.Stderr, "usage:\n"+usersSummary+"\n\nflags:"); printFlags(fs, nil) }
	roles := fs.String("role", "", "roles, comma-separated (add)")
	units := fs.String("units", "", "units, comma-separated, or all (add, token)")
	fullName := fs.String("full-name", "", "the person's name, for the workspace (add)")
	pwStdin := fs.Bool("password-stdin", false, "read the password from standard input instead of generating one (add, reset)")
	scopes := fs.String("scope", "", "token scopes: read, upload, events (token)")
	ttl := fs.Duration("ttl", 0, "token lifetime, e.g. 2160h; 0: until revoked (token)")
	label := fs.String("label", "", "what the token is for (token)")
	cli, rest, err := m.openAccess(ctx, fs, args)
	if err != nil {
		return fmt.Errorf("hoso users %s: %w", sub, err)
	}
	defer cli.close()
	st := cli.st
	one := func() (string, error) {
		if len(rest) != 1 {
			return "", fmt.Errorf("hoso users %s: give exactly one name", sub)
		}
		return rest[0], nil
	}
	password := func() (string, error) {
		if !*pwStdin {
			return "", nil
		}
		line, err := bufio.NewReader(m.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("hoso users %s: --password-stdin: %w", sub, err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	audit := func(act access.Action, target string) error {
		return st.Record(ctx, access.Entry{Action: act, Via: "cli", Target: target})
	}
	switch sub {
	case "add":
		name, err := one()
		if err != nil {
			return err
		}
		rs, err := access.ParseRoles(*roles)
		if err != nil {
			return err
		}
		us, err := access.ParseUnits(*units)
		if err != nil {
			return err
		}
		pw, err := password()
		if err != nil {
			return err
		}
		gen, err := st.AddAccount(ctx, access.NewAccount{Name: name, FullName: *fullName, Roles: rs, Units: us, Password: pw})
		if err != nil {
			return fmt.Errorf("hoso users add: %w", err)
		}
		if err := audit(access.ActAccountAdd, name); err != nil {
			return err
		}
		if gen != "" {
			fmt.Fprintf(m.Stdout, "%s\t%s\n", name, gen)
		}
		return nil
	case "list":
		all, err := st.Accounts(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLES\tUNITS\tSTATE\tFULL NAME")
		for _, a := range all {
			state := "active"
			if a.Disabled {
				state = "disabled"
			} else if a.MustChange {
				state = "must-change-password"
			}
			var rs []string
			for _, r := range a.Roles {
				rs = append(rs, string(r))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Name, strings.Join(rs, ","), strings.Join(a.Units, ","), state, a.FullName)
		}
		return tw.Flush()
	case "disable", "enable":
		name, err := one()
		if err != nil {
			return err
		}
		if err := st.SetDisabled(ctx, name, sub == "disable"); err != nil {
			return fmt.Errorf("hoso users %s: %w", sub, err)
		}
		return audit(access.ActAccountEdit, name)
	case "reset":
		name, err := one()
		if err != nil {
			return err
		}
		pw, err := password()
		if err != nil {
			return err
		}
		gen, err := st.ResetPassword(ctx, name, pw)
		if err != nil {
			return fmt.Errorf("hoso users reset: %w", err)
		}
		if err := audit(access.ActPasswordSet, name); err != nil {
			return err
		}
		if gen != "" {
			fmt.Fprintf(m.Stdout, "%s\t%s\n", name, gen)
		}
		return nil
	case "token":
		name, err := one()
		if err != nil {
			return err
		}
		sc, err := access.ParseScopes(*scopes)
		if err != nil {
			return err
		}
		var us []string
		if *units != "" {
			if us, err = access.ParseUnits(*units); err != nil {
				return err
			}
		}
		tok, raw, err := st.CreateToken(ctx, access.NewToken{Account: name, Name: *label, Scopes: sc, Units: us, TTL: *ttl})
		if err != nil {
			return fmt.Errorf("hoso users token: %w", err)
		}
		if err := audit(access.ActTokenCreate, "token:"+tok.ID); err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, raw)
		return nil
	case "tokens":
		name := ""
		if len(rest) > 0 {
			name = rest[0]
		}
		toks, err := st.Tokens(ctx, name)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tACCOUNT\tSCOPES\tUNITS\tCREATED\tEXPIRES\tSTATE\tLABEL")
		for _, t := range toks {
			var sc []string
			for _, s := range t.Scopes {
				sc = append(sc, string(s))
			}
			state, exp := "active", "-"
			if t.Revoked {
				state = "revoked"
			}
			if !t.Expires.IsZero() {
				exp = t.Expires.Format(time.DateOnly)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Account, strings.Join(sc, ","), strings.Join(t.Units, ","),
				t.Created.Format(time.DateOnly), exp, state, t.Name)
		}
		return tw.Flush()
	case "revoke":
		id, err := one()
		if err != nil {
			return err
		}
		if _, err := st.RevokeToken(ctx, id); err != nil {
			return fmt.Errorf("hoso users revoke: %w", err)
		}
		return audit(access.ActTokenRevoke, "token:"+id)
	}
	return fmt.Errorf("hoso users: unknown subcommand %q (add, list, disable, enable, reset, token, tokens, revoke)", sub)
}

func cmdAudit(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("audit")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: hoso audit [flags]\n\n"+auditSummary+"\n\nflags:")
		printFlags(fs, nil)
	}
	dossier := fs.String("dossier", "", "only this dossier id")
	account := fs.String("account", "", "only this account")
	action := fs.String("action", "", "only this action (login, login_failed, view, download, upload, …)")
	since := fs.String("since", "", "from this time (RFC 3339, YYYY-MM-DD, or a duration back from now)")
	until := fs.String("until", "", "up to this time")
	limit := fs.Int("limit", 1000, "at most the newest N entries")
	asJSON := fs.Bool("json", false, "one JSON entry a line")
	cli, rest, err := m.openAccess(ctx, fs, args)
	if err != nil {
		return fmt.Errorf("hoso audit: %w", err)
	}
	defer cli.close()
	if len(rest) > 0 {
		return fmt.Errorf("hoso audit: unexpected arguments %q", rest)
	}
	f := access.AuditFilter{Dossier: *dossier, Actor: *account, Action: access.Action(*action), Limit: *limit}
	if f.Since, err = cliTime(*since); err != nil {
		return fmt.Errorf("hoso audit: --since: %w", err)
	}
	if f.Until, err = cliTime(*until); err != nil {
		return fmt.Errorf("hoso audit: --until: %w", err)
	}
	entries, err := cli.st.ReadAudit(ctx, f)
	if err != nil {
		return fmt.Errorf("hoso audit: %w", err)
	}
	if err := cli.st.Record(ctx, access.Entry{Action: access.ActAuditRead, Via: "cli", Dossier: *dossier, Target: *account}); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		for _, e := range entries {
			enc.Encode(e)
		}
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tACCOUNT\tVIA\tACTION\tOUTCOME\tDOSSIER\tUNIT\tFROM\tTARGET")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Time.Local().Format("2006-01-02 15:04:05"), dash(e.Actor), dash(e.Via),
			e.Action, e.Outcome, dash(e.Dossier), dash(e.Unit), dash(e.Addr), dash(e.Target))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cliTime reads RFC 3339, YYYY-MM-DD or a duration back from now.
func cliTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := time.ParseDuration(s); err == nil {
		return time.Now().Add(-d), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.ParseInLocation(time.DateOnly, s, time.Local)
}
