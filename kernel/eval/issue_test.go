package eval

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
)

// yaegiWords are what the interpreter says that no user should read.
var yaegiWords = regexp.MustCompile(`\b\w+T\b as type|stringT|intT|GOPATH|interpreter failure|nil type|\.\(\*node\)|__g_|__cl_`)

// TestEverydayGoInOneSession runs, in one session, what a new user meets first: typos, type
// errors, a panic and an interrupt that must leave the session as it was, declarations in any order, current Go
// (range over int and functions, min, max, clear, generics, iterators of slices and maps),
// deferred calls, errors.As with a cell's error type, redeclarations as another kind, an
// initialiser with a side effect that a rebuild must not run again, and a pasted program
// that ends with os.Exit(0). Each cell's output is what go run prints for the same code.
func TestEverydayGoInOneSession(t *testing.T) {
	h := newHarness(t, Options{})
	steps := []struct {
		code, stdout, err string
		timeout           time.Duration // an interrupt after it
	}{
		{code: `import ("errors"; "fmt"; "maps"; "slices"; "sync")`},
		{code: `a := 1`},
		{code: `b := a + nosuch`, err: "undefined: nosuch"},
		{code: `1+1`},
		{code: "var nilMap map[string]int\nnilMap[\"x\"] = 1", err: "assignment to entry in nil map"},
		{code: "for {\n}", err: "was interrupted", timeout: 200 * time.Millisecond},
		{code: `var z int = "x"`, err: `cannot use "x" (untyped string constant) as int value in variable declaration`},
		{code: `fmt.Println(a)`, stdout: "1\n"},
		{code: `t := t + "x"`, err: "undefined: t"},
		{code: `fmt.Println(t)`, err: "undefined: t"},
		{code: "func first() int { return second() + 1 }\nfunc second() int { return 41 }\nfmt.Println(first())", stdout: "42\n"},
		{code: `func f() int { return "s" }`, err: `cannot use "s" (untyped string constant) as int value in return statement`},
		{code: `ctx := context.Background()`, err: "undefined: context"},
		{code: "xs := []int{1, 2, 3}\ni := 5\nfmt.Println(xs[i])", err: "index out of range [5] with length 3"},
		{code: "var (\n\ttotal = count * 2\n\tcount = 3\n)\nfmt.Println(total)", stdout: "6\n"},
		{code: "func d() {\n\tfor i := 0; i < 3; i++ {\n\t\tdefer fmt.Print(i, \" \")\n\t}\n}\nd()\nfmt.Println()", stdout: "2 1 0 \n"},
		{code: "func e() {\n\tx := 1\n\tdefer fmt.Println(\"x was\", x)\n\tx = 2\n}\ne()", stdout: "x was 1\n"},
		{code: "n := 0\nfor range 4 {\n\tn++\n}\nfor i := range 3 {\n\tn += i\n}\nfmt.Println(n, min(3, n), max(2.5, 1))", stdout: "7 3 2.5\n"},
		{code: "m := map[string]int{\"b\": 2, \"a\": 1}\nfmt.Println(slices.Sorted(maps.Keys(m)))\nclear(m)\nfmt.Println(len(m))", stdout: "[a b]\n0\n"},
		{code: "func Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\nfmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 10) }))", stdout: "[10 20]\n"},
		{code: "type NotFound struct{ Name string }\nfunc (e *NotFound) Error() string { return e.Name + \" not found\" }\nvar nf *NotFound\nerr := fmt.Errorf(\"find: %w\", &NotFound{\"x\"})\nfmt.Println(errors.As(err, &nf), nf.Name, err)", stdout: "true x find: x not found\n"},
		{code: "func two() (int, error) { return 2, nil }\nif true {\n\tx, _ := two()\n\tfmt.Println(x)\n}", stdout: "2\n"},
		{code: "var wg sync.WaitGroup\ntotal := 0\nvar mu sync.Mutex\nfor i := range 5 {\n\twg.Go(func() { mu.Lock(); total += i; mu.Unlock() })\n}\nwg.Wait()\nfmt.Println(total)", stdout: "10\n"},
		{code: `func pow(x int) int { return x * x }`},
		{code: `var pow = 3`},
		{code: "func later() int { return 1 }\nfmt.Println(pow, later())", stdout: "3 1\n"},
		{code: `import "flag"`},
		{code: `var flagN = flag.Int("n", 7, "a flag")`},
		{code: "func again() {}\ntype T struct{}\nfunc (T) M() {}\nfmt.Println(*flagN)", stdout: "7\n"},
		{code: "func again() { fmt.Println(\"again\", *flagN) }\nagain()", stdout: "again 7\n"},
		{code: "type point struct{ x, y int }\ntype Vertex struct{ X, Y int }\np := point{1, 2}\nfmt.Printf(\"%+v %T %T %v\\n\", p, p, &Vertex{1, 2}, &Vertex{3, 4})", stdout: "{x:1 y:2} main.point *main.Vertex &{3 4}\n"},
		{code: "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"program ran\")\n\tos.Exit(0)\n}", stdout: "program ran\n"},
		{code: `fmt.Println(a, total, pow)`, stdout: "1 10 3\n"},
		// Package variables initialised from earlier cells' variables (a statement's, a
		// declaration's), and one of an interface type.
		{code: `var base = 40`},
		{code: `var answer = base + a + 1`},
		{code: "var other = a\nfmt.Println(answer, other)", stdout: "42 1\n"},
		{code: "type valuer interface{ Value() int }\ntype box struct{ v int }\nfunc (b box) Value() int { return b.v }\nbx := box{4}"},
		{code: "var v valuer = bx\nfmt.Println(v.Value(), answer)", stdout: "4 42\n"},
		// func main runs once as the cell's program, and again where a cell calls it.
		{code: "func main() { fmt.Println(\"main ran\") }", stdout: "main ran\n"},
		{code: "main()", stdout: "main ran\n"},
	}
	for _, st := range steps {
		ctx, cancel := context.Background(), context.CancelFunc(func() {})
		if st.timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, st.timeout)
		}
		r := h.execContext(ctx, st.code)
		cancel()
		text := r.errorText() + r.out.Text("stderr")
		switch {
		case st.err != "":
			if !strings.Contains(r.errorText(), st.err) {
				t.Errorf("%s:\nerror %q, want one saying %q", st.code, r.errorText(), st.err)
			}
		case r.reply.Error != nil:
			t.Errorf("%s:\n%s", st.code, r.errorText())
		case r.out.Text("stdout") != st.stdout:
			t.Errorf("%s:\nprinted %q, want %q", st.code, r.out.Text("stdout"), st.stdout)
		}
		if w := yaegiWords.FindString(text); w != "" {
			t.Errorf("%s:\nthe interpreter's words %q reached the user: %s", st.code, w, text)
		}
	}
}
