package pkgtypes

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
	"testing"
)

// check type-checks src as one file with im and returns the package and the errors' texts.
func check(t testing.TB, im *Importer, src string) (*types.Package, []string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	conf := types.Config{Importer: im, Error: func(err error) { errs = append(errs, err.Error()) }}
	pkg, _ := conf.Check("main", fset, []*ast.File{f}, nil)
	return pkg, errs
}

// lookup returns the object name of package path, imported by im.
func lookup(t *testing.T, im *Importer, path, name string) types.Object {
	t.Helper()
	pkg, err := im.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	obj := pkg.Scope().Lookup(name)
	if obj == nil {
		t.Fatalf("%s has no %s", path, name)
	}
	return obj
}

func TestImport(t *testing.T) {
	tests := []struct {
		path, name, object, typ string
	}{
		{"fmt", "fmt", "Println", "func(a ...any) (n int, err error)"},
		{"concur", "concur", "NewGIL", "func(interval time.Duration) *concur.GIL"},
		{"display", "display", "HTML", "func(s string)"},
		{"slices", "slices", "Sort", "func[S ~[]E, E cmp.Ordered](x S)"},
		{"maps", "maps", "Keys", "func[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K]"},
		{"iter", "iter", "Seq", "iter.Seq[V any]"},
		{"golang.org/x/sync/errgroup", "errgroup", "WithContext", "func(ctx context.Context) (*errgroup.Group, context.Context)"},
		{"golang.org/x/sync/semaphore", "semaphore", "NewWeighted", "func(n int64) *semaphore.Weighted"},
		{"golang.org/x/sync/singleflight", "singleflight", "Group", "singleflight.Group"},
		{"sync/atomic", "atomic", "Pointer", "atomic.Pointer[T any]"},
		{"unsafe", "unsafe", "Sizeof", "builtin"},
	}
	im := New()
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			pkg, err := im.Import(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if pkg.Path() != tt.path || pkg.Name() != tt.name || !pkg.Complete() {
				t.Fatalf("package %q %q complete=%v, want %q %q complete", pkg.Path(), pkg.Name(), pkg.Complete(), tt.path, tt.name)
			}
			obj := pkg.Scope().Lookup(tt.object)
			if obj == nil {
				t.Fatalf("%s has no %s", tt.path, tt.object)
			}
			got := types.TypeString(obj.Type(), (*types.Package).Name)
			if _, ok := obj.(*types.Builtin); ok {
				got = "builtin"
			} else if tn, ok := obj.(*types.TypeName); ok {
				got = typeNameString(tn)
			}
			if got != tt.typ {
				t.Errorf("%s.%s: %s, want %s", tt.name, tt.object, got, tt.typ)
			}
		})
	}
}

// typeNameString writes a named type with its type parameters, as a declaration names them.
func typeNameString(tn *types.TypeName) string {
	named, ok := tn.Type().(*types.Named)
	if !ok || named.TypeParams().Len() == 0 {
		return types.TypeString(tn.Type(), (*types.Package).Name)
	}
	var params []string
	for tp := range named.TypeParams().TypeParams() {
		params = append(params, tp.Obj().Name()+" "+types.TypeString(tp.Constraint(), (*types.Package).Name))
	}
	return fmt.Sprintf("%s.%s[%s]", tn.Pkg().Name(), tn.Name(), strings.Join(params, ", "))
}

func TestGenericFuncHasTypeParams(t *testing.T) {
	tests := []struct {
		path, name string
		params     int
	}{
		{"slices", "Sort", 2},
		{"slices", "SortFunc", 2},
		{"maps", "Keys", 3},
		{"cmp", "Compare", 1},
		{"iter", "Pull", 1},
		{"sort", "Ints", 0},
	}
	im := New()
	for _, tt := range tests {
		sig := lookup(t, im, tt.path, tt.name).Type().(*types.Signature)
		if got := sig.TypeParams().Len(); got != tt.params {
			t.Errorf("%s.%s has %d type parameters, want %d", tt.path, tt.name, got, tt.params)
		}
	}
}

// TestIdentity imports packages that refer to io.Reader and io.Writer before and after io
// itself: each refers to the one type of io.
func TestIdentity(t *testing.T) {
	tests := []struct {
		name  string
		order []string
	}{
		{"io first", []string{"io", "bufio", "fmt"}},
		{"io last", []string{"bufio", "fmt", "io"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := New()
			for _, path := range tt.order {
				if _, err := im.Import(path); err != nil {
					t.Fatal(err)
				}
			}
			reader := lookup(t, im, "io", "Reader").Type()
			writer := lookup(t, im, "io", "Writer").Type()
			newReader := lookup(t, im, "bufio", "NewReader").Type().(*types.Signature)
			fprintln := lookup(t, im, "fmt", "Fprintln").Type().(*types.Signature)
			if got := newReader.Params().At(0).Type(); got != reader {
				t.Errorf("bufio.NewReader takes a %s that is not io's io.Reader", got)
			}
			if got := fprintln.Params().At(0).Type(); got != writer {
				t.Errorf("fmt.Fprintln takes a %s that is not io's io.Writer", got)
			}
		})
	}
}

// TestCheckCells type-checks cells with an Importer: errors name the packages by the paths
// that cells import.
func TestCheckCells(t *testing.T) {
	tests := []struct {
		name, src string
		errs      []string
	}{
		{
			name: "fmt and slices",
			src: `package main
import ("fmt"; "slices")
func main() { s := []int{3, 1}; slices.Sort(s); fmt.Println(s, slices.Max(s)) }`,
		},
		{
			name: "errgroup and concur",
			src: `package main
import ("time"; "concur"; "golang.org/x/sync/errgroup")
func main() { var g errgroup.Group; gil := concur.NewGIL(time.Millisecond); g.Go(func() error { gil.Go(func() {}).Join(); return nil }); _ = g.Wait() }`,
		},
		{
			name: "concur type named as cells import it",
			src: `package main
import ("time"; "concur")
var n int = concur.NewGIL(time.Millisecond)`,
			errs: []string{`cell.go:3:13: cannot use concur.NewGIL(time.Millisecond) (value of type *concur.GIL) as int value in variable declaration`},
		},
		{
			name: "std-looking path not there",
			src: `package main
import "foo/bar"`,
			errs: []string{`cell.go:2:8: could not import foo/bar (package foo/bar is not in std)`},
		},
		{
			name: "module path not there",
			src: `package main
import "github.com/x/y"`,
			errs: []string{`cell.go:2:8: could not import github.com/x/y (cannot find package "github.com/x/y")`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := check(t, New(), tt.src)
			if !slices.Equal(errs, tt.errs) {
				t.Errorf("errors\n%q\nwant\n%q", errs, tt.errs)
			}
		})
	}
}

func TestHasAndPaths(t *testing.T) {
	paths := Paths()
	if !slices.IsSorted(paths) {
		t.Error("Paths() is not sorted")
	}
	for _, path := range []string{"fmt", "net/http", "concur", "display", "slices", "maps", "cmp", "iter", "golang.org/x/sync/errgroup"} {
		if !Has(path) || !slices.Contains(paths, path) {
			t.Errorf("Has(%q) = %v, in Paths() = %v; want both", path, Has(path), slices.Contains(paths, path))
		}
	}
	for _, path := range []string{"os/exec", "syscall", "github.com/concurlab/concurlab/concur", "foo/bar", ""} {
		if Has(path) {
			t.Errorf("Has(%q) = true", path)
		}
	}
}

// TestEveryPackageDecodes imports every embedded package with one Importer.
func TestEveryPackageDecodes(t *testing.T) {
	im := New()
	for _, path := range Paths() {
		pkg, err := im.Import(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if pkg.Path() != path || !pkg.Complete() || len(pkg.Scope().Names()) == 0 && path != "cmp" {
			t.Errorf("%s: path %q, complete %v, %d names", path, pkg.Path(), pkg.Complete(), len(pkg.Scope().Names()))
		}
	}
}

// TestConcurrentImports type-checks cells from many goroutines with one Importer; run it with
// -race.
func TestConcurrentImports(t *testing.T) {
	cells := []string{
		`package main; import ("bufio"; "os"); var r = bufio.NewReader(os.Stdin)`,
		`package main; import ("fmt"; "io"; "strings"); var _, _ = io.Copy(io.Discard, strings.NewReader(fmt.Sprint(1)))`,
		`package main; import ("net/http"; "io"); var _ io.Reader = http.NoBody`,
		`package main; import ("slices"; "maps"); var _ = slices.Sorted(maps.Keys(map[string]int{}))`,
		`package main; import ("context"; "golang.org/x/sync/errgroup"); var _, _ = errgroup.WithContext(context.Background())`,
		`package main; import ("sync/atomic"); var p atomic.Pointer[int]; var _ = p.Load()`,
	}
	im := New()
	var wg sync.WaitGroup
	for i := range 4 * len(cells) {
		wg.Go(func() {
			if _, errs := check(t, im, cells[i%len(cells)]); len(errs) > 0 {
				t.Errorf("cell %d: %q", i%len(cells), errs)
			}
		})
	}
	wg.Wait()
}

// BenchmarkFirstImportFmt decodes fmt with a fresh Importer.
func BenchmarkFirstImportFmt(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New().Import("fmt"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstFmtCell type-checks a cell that imports fmt with a fresh Importer.
func BenchmarkFirstFmtCell(b *testing.B) {
	const src = `package main
import "fmt"
func main() { fmt.Println("hello", 1+1) }`
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := check(b, New(), src); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
