package main

import (
	"flag"
	"fmt"
	"regexp"
	"strings"
)

// envInUsage is the "[HOSO_…]" some usage strings end with, naming the
// flag's variable where no binding table does.
var envInUsage = regexp.MustCompile(`\s*\[(HOSO_[A-Z0-9_]+)\]$`)

// printFlags prints every flag of fs in the one style of all commands:
//
//	--name TYPE  [HOSO_VAR]
//	      what it does (default …)
//
// envOf names each flag's variable; a flag it does not name may carry
// its variable at the end of its usage string.
func printFlags(fs *flag.FlagSet, envOf map[string]string) {
	w := fs.Output()
	fs.VisitAll(func(f *flag.Flag) {
		tn, usage := flag.UnquoteUsage(f)
		env := envOf[f.Name]
		if m := envInUsage.FindStringSubmatch(usage); m != nil {
			usage = strings.TrimSuffix(usage, m[0])
			if env == "" {
				env = m[1]
			}
		}
		line := "  --" + f.Name
		if tn != "" {
			line += " " + tn
		}
		if env != "" {
			line += "  [" + env + "]"
		}
		fmt.Fprintln(w, line)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "0s" {
			usage += " (default " + f.DefValue + ")"
		}
		fmt.Fprintln(w, "      "+usage)
	})
}

// flagEnvs lists the flags of fs with their variables, for the doc tests.
func flagEnvs(fs *flag.FlagSet, envOf map[string]string) map[string]string {
	out := map[string]string{}
	fs.VisitAll(func(f *flag.Flag) {
		env := envOf[f.Name]
		if m := envInUsage.FindStringSubmatch(f.Usage); m != nil && env == "" {
			env = m[1]
		}
		out[f.Name] = env
	})
	return out
}
