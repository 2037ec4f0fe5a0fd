package eval

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// goldenPrograms are the folders of programs that TestGenericProgramsPrintWhatGoRunPrints runs.
var goldenPrograms = []string{"testdata/generics", "testdata/recover", "testdata/methodvalues", "testdata/consts"}

// TestGenericProgramsPrintWhatGoRunPrints runs each program of goldenPrograms as one cell of
// a fresh session and compares what it prints with the golden file that go run printed
// (go test -run Generic -update writes them again).
func TestGenericProgramsPrintWhatGoRunPrints(t *testing.T) {
	var files []string
	for _, dir := range goldenPrograms {
		more, err := filepath.Glob(dir + "/*.go")
		if err != nil || len(more) == 0 {
			t.Fatalf("no programs in %s: %v", dir, err)
		}
		files = append(files, more...)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(file, "testdata/"), ".go"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".go") + ".golden"
			if *updateGolden {
				out, err := exec.Command("go", "run", file).Output()
				if err != nil {
					t.Fatalf("go run %s: %v", file, err)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			r := newHarness(t, Options{}).mustExec(string(src))
			if got := r.out.Text("stdout"); got != string(want) {
				t.Errorf("the kernel printed\n%s\ngo run printed\n%s", got, want)
			}
		})
	}
}

// TestGenericsAcrossCells uses generic code of earlier cells and of the standard library in
// later ones, redefines it, and rebuilds the session with variables of instantiated types.
func TestGenericsAcrossCells(t *testing.T) {
	h := newHarness(t, Options{})
	steps := []struct{ code, stdout, err string }{
		{code: `import ("fmt"; "slices")`},
		{code: "func Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}"},
		{code: "type Box[T any] struct{ V T }\nfunc (b Box[T]) Get() T { return b.V }"},
		{code: `fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i, "!") }))`, stdout: "[1! 2!]\n"},
		{code: `b := Box[string]{"x"}; bs := []Box[int]{{1}, {2}}`},
		{code: `fmt.Println(b.Get(), bs[1].Get(), slices.Index([]string{"p", "q"}, "q"))`, stdout: "x 2 1\n"},
		{code: `nosuch(b)`, err: "undefined: nosuch"},
		{code: `Map(1, 2)`, err: "in call to Map"},
		// A redefinition rebuilds the session: b and bs are carried over with their types.
		{code: "func Map[T, U any](xs []T, f func(T) U) []U { return nil }"},
		{code: `fmt.Println(Map([]int{1}, func(i int) int { return i }) == nil, b.Get(), len(bs))`, stdout: "true x 2\n"},
		{code: "func twice[T any](x T) []T { return []T{x, x} }\nfunc use() []Box[int] { return twice(Box[int]{7}) }"},
		{code: `fmt.Println(use())`, stdout: "[{7} {7}]\n"},
		// Redefining generic code replaces its instances everywhere, in use() too.
		{code: "func twice[T any](x T) []T { return []T{x, x, x} }"},
		{code: `fmt.Println(len(use()), len(twice("s")))`, stdout: "3 3\n"},
		{code: "func (b Box[T]) Get() T { var zero T; return zero }"},
		{code: `fmt.Printf("%q %d\n", b.Get(), Box[int]{4}.Get())`, stdout: "\"\" 0\n"},
	}
	for _, st := range steps {
		r := h.exec(st.code)
		switch {
		case st.err != "":
			if !strings.Contains(r.errorText(), st.err) {
				t.Errorf("%s: error %q, want one saying %q", st.code, r.errorText(), st.err)
			}
		case r.reply.Error != nil:
			t.Errorf("%s: %s", st.code, r.errorText())
		case r.out.Text("stdout") != st.stdout:
			t.Errorf("%s: printed %q, want %q", st.code, r.out.Text("stdout"), st.stdout)
		}
		if strings.Contains(r.errorText(), "__g_") {
			t.Errorf("%s: a generated name reached the user: %s", st.code, r.errorText())
		}
	}
}
