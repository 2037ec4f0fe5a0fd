// Package architecture checks docs/architecture.md against the code: the imports between the
// module's packages that it lists are the ones the packages make.
package architecture

import (
	"bufio"
	"errors"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// root is the module's directory, seen from this package's.
const root = "../.."

// TestImportsMatchTheDoc compares the imports blocks of docs/architecture.md with the imports
// that go/build reads from every package of the module, for this system's build constraints.
func TestImportsMatchTheDoc(t *testing.T) {
	module := modulePath(t)
	doc := readBlocks(t, filepath.Join(root, "docs", "architecture.md"))
	code, tests := moduleImports(t, module)
	for _, c := range []struct {
		block string
		want  map[string][]string
	}{{"imports", code}, {"test-imports", tests}} {
		t.Run(c.block, func(t *testing.T) {
			stated, ok := doc[c.block]
			if !ok {
				t.Fatalf("docs/architecture.md has no ```%s block", c.block)
			}
			for _, d := range diff(stated, c.want) {
				t.Error(d)
			}
		})
	}
}

// modulePath returns the module path that go.mod declares.
func modulePath(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		if path, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.TrimSpace(path)
		}
	}
	t.Fatal("go.mod declares no module")
	return ""
}

// moduleImports returns, for every package directory of the module (relative, with slashes),
// the module's packages that its non-test files import, and those that only its tests add.
func moduleImports(t *testing.T, module string) (code, tests map[string][]string) {
	t.Helper()
	code, tests = map[string][]string{}, map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		p, err := build.ImportDir(path, 0)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		own := ownImports(module, rel, p.Imports)
		if len(p.GoFiles)+len(p.CgoFiles) > 0 {
			code[rel] = own
		}
		if extra := slices.DeleteFunc(ownImports(module, rel, append(p.TestImports, p.XTestImports...)), func(dep string) bool {
			return slices.Contains(own, dep)
		}); len(extra) > 0 || len(p.GoFiles)+len(p.CgoFiles) == 0 {
			tests[rel] = extra
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return code, tests
}

// ownImports returns the imports of package rel that are the module's other packages, as paths
// relative to the module, sorted and without repeats.
func ownImports(module, rel string, imports []string) []string {
	var own []string
	for _, imp := range imports {
		if dep, ok := strings.CutPrefix(imp, module+"/"); ok && dep != rel {
			own = append(own, dep)
		}
	}
	slices.Sort(own)
	return slices.Compact(own)
}

// readBlocks returns the fenced blocks of a Markdown file whose info string is imports or
// test-imports, each as its lines "pkg: dep dep…" by package.
func readBlocks(t *testing.T, file string) map[string]map[string][]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	blocks := map[string]map[string][]string{}
	var current map[string][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case current == nil:
			if tag, ok := strings.CutPrefix(line, "```"); ok && (tag == "imports" || tag == "test-imports") {
				current = map[string][]string{}
				blocks[tag] = current
			}
		case line == "```":
			current = nil
		default:
			pkg, deps, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("%s:%d: %q is not \"package: imports\"", file, n, line)
			}
			if _, dup := current[pkg]; dup {
				t.Fatalf("%s:%d: %s is listed twice", file, n, pkg)
			}
			list := strings.Fields(deps)
			slices.Sort(list)
			current[pkg] = list
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return blocks
}

// diff describes, package by package, where stated differs from actual.
func diff(stated, actual map[string][]string) []string {
	var out []string
	for pkg, deps := range actual {
		doc, ok := stated[pkg]
		if !ok {
			out = append(out, pkg+" is missing from the doc; it imports: "+strings.Join(deps, " "))
			continue
		}
		for _, dep := range deps {
			if !slices.Contains(doc, dep) {
				out = append(out, pkg+" imports "+dep+", an arrow the doc does not draw")
			}
		}
		for _, dep := range doc {
			if !slices.Contains(deps, dep) {
				out = append(out, "the doc says "+pkg+" imports "+dep+", which it does not")
			}
		}
	}
	for pkg := range stated {
		if _, ok := actual[pkg]; !ok {
			out = append(out, "the doc lists "+pkg+", which is not a package of the module (or has no such files)")
		}
	}
	slices.Sort(out)
	return out
}
