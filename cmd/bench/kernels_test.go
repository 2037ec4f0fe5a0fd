package main

import (
	"os"
	"slices"
	"testing"
)

func TestCheckLines(t *testing.T) {
	cases := []struct {
		name, text string
		ok         bool
	}{
		{"complete", "0\n1\n2\n", true},
		{"no last newline", "0\n1\n2", false},
		{"missing line", "0\n2\n", false},
		{"swapped", "0\n2\n1\n", false},
		{"short", "0\n1\n", false},
		{"long", "0\n1\n2\n3\n", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		if err := checkLines(c.text, 3); (err == nil) != c.ok {
			t.Errorf("%s: checkLines = %v, want ok %v", c.name, err, c.ok)
		}
	}
}

func TestNotebookCells(t *testing.T) {
	f, err := os.Open("testdata/notebook.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := notebookCells(f)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"import \"fmt\"\nfmt.Println(1)", "1+1"}; !slices.Equal(got, want) {
		t.Errorf("notebookCells = %q, want %q", got, want)
	}
}

func TestShippedNotebooksNone(t *testing.T) {
	got, err := shippedNotebooks(t.TempDir())
	if err != nil || len(got) != 0 {
		t.Errorf("shippedNotebooks of an empty dir = %v, %v", got, err)
	}
}
