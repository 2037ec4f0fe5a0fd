// Package plottest checks pictures in tests: it compares an SVG document with a golden file
// in testdata (rewritten when the test runs with -update) and parses one into elements that
// a test can ask about its texts, classes and legend.
package plottest

import (
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/internal/plot"
)

var update = flag.Bool("update", false, "rewrite the golden pictures in testdata")

// Golden compares svg with testdata/name.svg, or writes it there with -update, and returns
// svg parsed.
func Golden(t *testing.T, name, svg string) *Element {
	t.Helper()
	doc := Parse(t, svg)
	path := filepath.Join("testdata", name+".svg")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(svg+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run the test with -update to write it", err)
	}
	if got := svg + "\n"; got != string(want) {
		t.Errorf("%s differs from %s (rerun with -update if the change is meant):\ngot  %s\nwant %s",
			name, path, firstDifference(got, string(want)), firstDifference(string(want), got))
	}
	return doc
}

// firstDifference returns a's text around the first place it differs from b.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(i-60, 0):min(i+60, len(a))]
}

// Element is one element of a parsed SVG document.
type Element struct {
	Name     string
	Attrs    map[string]string
	Text     string // its character data, without that of its children
	Children []*Element
}

// Parse parses svg as XML, failing the test when it is not well-formed.
func Parse(t *testing.T, svg string) *Element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	root := &Element{}
	stack := []*Element{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &Element{Name: tok.Name.Local, Attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.Attrs[a.Name.Local] = a.Value
			}
			top.Children = append(top.Children, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.Text += string(tok)
		}
	}
	if len(root.Children) != 1 || root.Children[0].Name != "svg" {
		t.Fatalf("not one <svg> document:\n%s", svg)
	}
	return root.Children[0]
}

// All returns e's descendants (e too) for which keep is true, in document order.
func (e *Element) All(keep func(*Element) bool) []*Element {
	var out []*Element
	if keep(e) {
		out = append(out, e)
	}
	for _, c := range e.Children {
		out = append(out, c.All(keep)...)
	}
	return out
}

// Class returns the elements of class (one of the words of their class attribute).
func (e *Element) Class(class string) []*Element {
	return e.All(func(x *Element) bool { return hasWord(x.Attrs["class"], class) })
}

// Named returns the elements called name, such as "rect".
func (e *Element) Named(name string) []*Element {
	return e.All(func(x *Element) bool { return x.Name == name })
}

func hasWord(s, word string) bool {
	for _, w := range strings.Fields(s) {
		if w == word {
			return true
		}
	}
	return false
}

// Texts returns the text of every <text> element under e, in order.
func (e *Element) Texts() []string {
	var out []string
	for _, x := range e.Named("text") {
		out = append(out, x.Text)
	}
	return out
}

// HasText reports whether some <text> under e says exactly s.
func (e *Element) HasText(s string) bool {
	for _, x := range e.Texts() {
		if x == s {
			return true
		}
	}
	return false
}

// Entry is one item of a drawn legend: its label, the mark of its swatch (as plot.Mark
// numbers it), its colour and the swatch element.
type Entry struct {
	Label, Mark, Colour string
	Swatch              *Element
}

// Legend returns the entries of e's legend, in order.
func (e *Element) Legend() []Entry {
	var out []Entry
	for _, g := range e.Class("entry") {
		entry := Entry{Mark: g.Attrs["data-mark"], Colour: g.Attrs["data-colour"]}
		for _, c := range g.Children {
			if c.Name == "text" {
				entry.Label = c.Text
			} else if entry.Swatch == nil {
				entry.Swatch = c
			}
		}
		out = append(out, entry)
	}
	return out
}

// CheckLegend fails the test unless every entry of doc's legend has a mark drawn outside the
// legend in its colour and the same style as its swatch: a box entry a filled rect, a
// triangle a filled path, a line entry a line or path with the same dashes.
func CheckLegend(t *testing.T, doc *Element) {
	t.Helper()
	inLegend := map[*Element]bool{}
	for _, l := range doc.Class("legend") {
		for _, x := range l.All(func(*Element) bool { return true }) {
			inLegend[x] = true
		}
	}
	drawn := doc.All(func(x *Element) bool { return !inLegend[x] })
	for _, e := range doc.Legend() {
		found := false
		for _, x := range drawn {
			switch e.Mark {
			case strconv.Itoa(int(plot.Box)):
				found = x.Name == "rect" && x.Attrs["fill"] == e.Colour
			case strconv.Itoa(int(plot.Up)), strconv.Itoa(int(plot.Down)):
				found = x.Name == "path" && x.Attrs["fill"] == e.Colour
			default:
				found = (x.Name == "path" || x.Name == "line") && x.Attrs["stroke"] == e.Colour &&
					x.Attrs["stroke-dasharray"] == e.Swatch.Attrs["stroke-dasharray"]
			}
			if found {
				break
			}
		}
		if !found {
			t.Errorf("legend entry %q (mark %s, %s) has no such mark in the picture", e.Label, e.Mark, e.Colour)
		}
	}
}
