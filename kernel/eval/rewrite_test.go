package eval

import (
	"strings"
	"testing"
)

func TestSplitCell(t *testing.T) {
	cases := []struct {
		name string
		cell string
		want []string // kind:text of each chunk
	}{
		{"statements only", "x := 1\ny := x", []string{"stmt:x := 1\ny := x"}},
		{"mixed", "import \"fmt\"\n// f doubles.\nfunc f(n int) int { return 2 * n }\nfmt.Println(f(1))\ntype t struct{ a int }",
			[]string{"import:import \"fmt\"", "decl:// f doubles.\nfunc f(n int) int { return 2 * n }", "stmt:fmt.Println(f(1))", "decl:type t struct{ a int }"}},
		{"func literal is a statement", "func() { println(1) }()", []string{"stmt:func() { println(1) }()"}},
		{"func literal with result", "v := 1\nfunc() int { return v }()", []string{"stmt:v := 1\nfunc() int { return v }()"}},
		{"method declaration", "func (p *point) move() {}", []string{"decl:func (p *point) move() {}"}},
		{"grouped var", "var (\n\ta = 1\n\tb = 2\n)\na + b", []string{"decl:var (\n\ta = 1\n\tb = 2\n)", "stmt:a + b"}},
	}
	kinds := map[chunkKind]string{stmtChunk: "stmt", declChunk: "decl", importChunk: "import"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, ch := range splitCell(c.cell) {
				got = append(got, kinds[ch.kind]+":"+ch.text)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("splitCell =\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestRewrites(t *testing.T) {
	cases := []struct {
		name, code, want string
	}{
		{"go with bound arguments", "go work(ch, 1)",
			"{ go __cl_go(7, 1, func() func() { __cl_f := work; __cl_a0 := ch; return func() { __cl_f(__cl_a0, 1) } }()) }"},
		{"go of a builtin", "go println(x)",
			"{ go __cl_go(7, 1, func() func() { __cl_a0 := x; return func() { println(__cl_a0) } }()) }"},
		{"go keeps lines", "go f(a,\n\tb)\nx := 1",
			"{ go __cl_go(7, 1, func() func() { __cl_f := f; __cl_a0 := a; __cl_a1 := b; return func() { __cl_f(__cl_a0, __cl_a1) } }()) }\n\nx := 1"},
		{"three-clause loop", "for i := 0; i < n; i++ { fs = append(fs, func() int { return i }) }",
			"for __cl_i := 0; __cl_i < n; __cl_i++ { i := __cl_i; _ = i; fs = append(fs, func() func() int { i := i; _ = i; return func() int { return i } }()) }"},
		{"closure handed to compiled code", "for k, v := range m { concur.Go(func() { use(v) }) }",
			"for __cl_k, __cl_v := range m { k, v := __cl_k, __cl_v; _, _ = k, v; concur.Go(func() func() { v := v; _ = v; return func() { use(v) } }()) }"},
		{"range loop", "for k, v := range m { defer func() { use(k, v) }() }",
			"for __cl_k, __cl_v := range m { k, v := __cl_k, __cl_v; _, _ = k, v; defer func() { use(k, v) }() }"},
		{"loop without closures stays", "for i := 0; i < 3; i++ { sum += i }", "for i := 0; i < 3; i++ { sum += i }"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := parseChunk(chunk{kind: stmtChunk, text: c.code, line: 1, col: 1})
			if err != nil {
				t.Fatal(err)
			}
			loops, _ := loopEdits(p)
			got := applyEdits(c.code, append(loops, goEdits(p, 7)...))
			if got != c.want {
				t.Errorf("rewritten =\n%s\nwant\n%s", got, c.want)
			}
			if strings.Count(got, "\n") != strings.Count(c.code, "\n") {
				t.Errorf("the rewrite moved lines")
			}
		})
	}
}
