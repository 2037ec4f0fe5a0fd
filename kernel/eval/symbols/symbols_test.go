package symbols

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/traefik/yaegi/extract"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// TestExportsKeys checks that the tables are keyed as cells import the packages: path, then
// "/", then the package name.
func TestExportsKeys(t *testing.T) {
	exports := Exports()
	for _, key := range []string{
		"concur/concur",
		"display/display",
		"golang.org/x/sync/errgroup/errgroup",
		"golang.org/x/sync/semaphore/semaphore",
		"golang.org/x/sync/singleflight/singleflight",
	} {
		if len(exports[key]) == 0 {
			t.Errorf("Exports()[%q] is empty or missing", key)
		}
	}
}

// TestXSyncInCells runs cells that use errgroup, semaphore and singleflight in yaegi with
// the tables the evaluator loads.
func TestXSyncInCells(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "errgroup with two goroutines",
			src: `package main

import (
	"errors"
	"fmt"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	var n atomic.Int64
	g.Go(func() error { n.Add(1); return nil })
	g.Go(func() error { n.Add(2); return errors.New("second failed") })
	err := g.Wait()
	fmt.Println(n.Load(), err)
}
`,
			want: "3 second failed\n",
		},
		{
			name: "errgroup WithContext cancels",
			src: `package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error { return errors.New("boom") })
	g.Go(func() error { <-ctx.Done(); return nil })
	fmt.Println(g.Wait(), ctx.Err())
}
`,
			want: "boom context canceled\n",
		},
		{
			name: "semaphore",
			src: `package main

import (
	"context"
	"fmt"

	"golang.org/x/sync/semaphore"
)

func main() {
	sem := semaphore.NewWeighted(2)
	fmt.Println(sem.Acquire(context.Background(), 2), sem.TryAcquire(1))
	sem.Release(1)
	fmt.Println(sem.TryAcquire(1))
}
`,
			want: "<nil> false\ntrue\n",
		},
		{
			name: "singleflight",
			src: `package main

import (
	"fmt"

	"golang.org/x/sync/singleflight"
)

func main() {
	var g singleflight.Group
	v, err, shared := g.Do("k", func() (any, error) { return 42, nil })
	fmt.Println(v, err, shared)
	r := <-g.DoChan("k", func() (any, error) { return "again", nil })
	fmt.Println(r.Val, r.Err, r.Shared)
}
`,
			want: "42 <nil> false\nagain <nil> false\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
			for _, exports := range []interp.Exports{stdlib.Symbols, Exports()} {
				if err := i.Use(exports); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := i.Eval(tt.src); err != nil {
				t.Fatalf("Eval: %v (output %q)", err, out.String())
			}
			if got := out.String(); got != tt.want {
				t.Errorf("output %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGeneratedTablesFresh regenerates every table that a generate directive of symbols.go
// names, as yaegi extract does, and fails when a committed file differs.
func TestGeneratedTablesFresh(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go toolchain on PATH to read the packages' source")
	}
	directives := generateDirectives(t, "symbols.go")
	if len(directives) != 5 {
		t.Fatalf("symbols.go has %d yaegi extract directives, want 5", len(directives))
	}
	fileName := strings.NewReplacer("/", "-", ".", "_", "~", "_")
	for _, args := range directives {
		fs := flag.NewFlagSet("extract", flag.ContinueOnError)
		name := fs.String("name", "", "")
		exclude := fs.String("exclude", "", "")
		if err := fs.Parse(args); err != nil {
			t.Fatalf("directive %q: %v", args, err)
		}
		ext := extract.Extractor{Dest: *name}
		if *exclude != "" {
			ext.Exclude = strings.Split(*exclude, ",")
		}
		for _, pkg := range fs.Args() {
			t.Run(pkg, func(t *testing.T) {
				var want bytes.Buffer
				importPath, err := ext.Extract(pkg, *name, &want)
				if err != nil {
					t.Fatal(err)
				}
				file := fileName.Replace(importPath) + ".go"
				got, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want.Bytes()) {
					t.Errorf("%s is stale: rerun go generate ./kernel/eval/symbols", file)
				}
			})
		}
	}
}

// generateDirectives returns the arguments after "extract" of each yaegi extract directive
// in file.
func generateDirectives(t *testing.T, file string) [][]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const prefix = "//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract "
	var directives [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			directives = append(directives, strings.Fields(rest))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return directives
}
