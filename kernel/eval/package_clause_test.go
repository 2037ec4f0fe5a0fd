package eval

import "testing"

// TestPackageClauseComments runs pasted programs whose package clause has comments where a
// Go file allows them; each prints what go run prints for the same file.
func TestPackageClauseComments(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "line comment before the clause", code: "// compare: sorted lines\npackage main\nimport \"fmt\"\nfunc main() { fmt.Println(\"one\") }", stdout: "one\n"},
		{name: "doc comment and blank line", code: "// Package main says two.\n\n// More doc.\npackage main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"two\") }", stdout: "two\n"},
		{name: "block comments around and inside", code: "/* a\nb */ package /* c */ main /* d */ // e\n// f\nimport \"fmt\"\nfunc main() { fmt.Println(\"three\") }", stdout: "three\n"},
		{name: "multi-line comment after the name", code: "package main /* a\nb */\nimport \"fmt\"\nfunc main() { fmt.Println(\"four\") } // g\n// end", stdout: "four\n"},
		{name: "another package after a comment", code: "// lib is a library.\npackage lib\nfunc F() {}", err: "In[1] line 2:1: package lib is not a main package"},
		{name: "a clause without a name", code: "// nameless\npackage", err: "In[1] line 2:8: expected 'IDENT'"},
	})
}

// TestSplitCellComments checks that a chunk keeps a multi-line comment that ends its last
// line whole: the semicolon the comment stands for is inside it.
func TestSplitCellComments(t *testing.T) {
	cases := []struct {
		name, cell string
		want       []string
	}{
		{"block comment ends a declaration", "var x = 1 /* a\nb */\ny := 2", []string{"var x = 1 /* a\nb */", "y := 2"}},
		{"line comment ends a declaration", "var v = 1 // one\nvar w = 2", []string{"var v = 1 // one", "var w = 2"}},
		{"comment before a clause", "// doc\npackage main /* x\n */\nimport \"fmt\"", []string{"// doc\npackage main /* x\n */", "import \"fmt\""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Helper()
			var got []string
			for _, ch := range splitCell(c.cell) {
				got = append(got, ch.text)
			}
			if len(got) != len(c.want) {
				t.Fatalf("splitCell(%q) = %q, want %q", c.cell, got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("chunk %d = %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}
