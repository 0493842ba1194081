package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The layers point one way: views → app → data, assets read by all. No
// package below views imports Fyne, and none imports a layer above it.
func TestLayersPointOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Deps " "}}`,
		"./app/...", "./data/...", "./assets/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	above := map[string][]string{
		"tuanxue/data":   {"tuanxue/app", "tuanxue/views"},
		"tuanxue/app":    {"tuanxue/views"},
		"tuanxue/assets": {"tuanxue/app", "tuanxue/data", "tuanxue/views"},
	}
	packages := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		packages++
		for _, dep := range deps {
			if strings.HasPrefix(dep, "fyne.io/") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
			for layer, forbidden := range above {
				for _, f := range forbidden {
					if (pkg == layer || strings.HasPrefix(pkg, layer+"/")) && (dep == f || strings.HasPrefix(dep, f+"/")) {
						t.Errorf("%s imports %s, a layer above it", pkg, dep)
					}
				}
			}
		}
	}
	if packages < 8 { // data, pgtest, app, apptest, compliance, importer, report, reports, assets
		t.Fatalf("go list found only %d packages:\n%s", packages, out)
	}
}

// The window reaches the records through app only: no view calls a
// function of data (its types, constants and errors are shared words) or
// takes the store from a service.
func TestViewsReachDataOnlyThroughApp(t *testing.T) {
	fset := token.NewFileSet()
	funcs := map[string]bool{}
	for _, f := range parseDir(t, fset, "data") {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.IsExported() {
				funcs[fn.Name.Name] = true
			}
		}
	}
	if !funcs["Open"] || !funcs["RestoreFile"] {
		t.Fatal("data's functions not found")
	}
	for name, f := range parseDir(t, fset, "views") {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "data" && funcs[sel.Sel.Name] {
				t.Errorf("%s: %s calls data.%s", name, fset.Position(call.Pos()), sel.Sel.Name)
			}
			if sel.Sel.Name == "Store" && len(call.Args) == 0 {
				t.Errorf("%s: %s takes the store from a service", name, fset.Position(call.Pos()))
			}
			return true
		})
	}
}

// parseDir parses the non-test Go files of a folder.
func parseDir(t *testing.T, fset *token.FileSet, dir string) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	return files
}
