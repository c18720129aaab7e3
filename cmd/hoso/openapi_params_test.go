package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOpenAPIQueryParams reads the handlers' source: for each route
// registered with mux.Handle/HandleFunc in ingest and access, the query
// parameters its handler reads (q.Get("…") with q from r.URL.Query(), or
// r.URL.Query().Get("…")) must be documented on its operation.
func TestOpenAPIQueryParams(t *testing.T) {
	doc := loadOpenAPI(t)
	fset := token.NewFileSet()
	funcs := map[string]*ast.FuncDecl{} // method or function name → declaration
	type reg struct{ pattern, handler string }
	var regs []reg
	for _, dir := range []string{"../../ingest", "../../access"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					funcs[fd.Name.Name] = fd
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Handle" && sel.Sel.Name != "HandleFunc") {
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok {
					return true
				}
				pattern, _ := strconv.Unquote(lit.Value)
				// The handler: the argument itself, or the last argument of
				// the wrapper it is passed through (s.route, g.Require).
				h := call.Args[len(call.Args)-1]
				if c, ok := h.(*ast.CallExpr); ok && len(c.Args) > 0 {
					h = c.Args[len(c.Args)-1]
				}
				if s, ok := h.(*ast.SelectorExpr); ok {
					regs = append(regs, reg{pattern, s.Sel.Name})
				}
				return true
			})
		}
	}
	if len(regs) < 15 {
		t.Fatalf("found only %d route registrations", len(regs))
	}
	checked := 0
	for _, r := range regs {
		fd := funcs[r.handler]
		if fd == nil || fd.Body == nil {
			continue
		}
		method, path, _ := strings.Cut(r.pattern, " ")
		op, ok := doc.Paths[path][strings.ToLower(method)]
		if !ok {
			continue // TestOpenAPIRoutes reports it
		}
		queryVars := map[string]bool{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && isQueryCall(as.Rhs[0]) {
				if id, ok := as.Lhs[0].(*ast.Ident); ok {
					queryVars[id.Name] = true
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Get" {
				return true
			}
			id, isIdent := sel.X.(*ast.Ident)
			if !isQueryCall(sel.X) && !(isIdent && queryVars[id.Name]) {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			name, _ := strconv.Unquote(lit.Value)
			checked++
			documented := false
			for _, p := range op.Parameters {
				documented = documented || (p.Name == name && p.In == "query")
			}
			if !documented {
				t.Errorf("%s reads query parameter %q (in %s), not in schema/openapi.json", r.pattern, name, r.handler)
			}
			return true
		})
	}
	if checked < 8 {
		t.Errorf("only %d query parameter reads found; the source scan is broken", checked)
	}
}

// isQueryCall reports whether e is a call of .Query() (r.URL.Query()).
func isQueryCall(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	s, ok := c.Fun.(*ast.SelectorExpr)
	return ok && s.Sel.Name == "Query"
}
