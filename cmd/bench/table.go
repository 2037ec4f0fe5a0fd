package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// row is one line of the results: a figure, our value, the peer's value and how they compare.
type row struct {
	Figure, Ours, Peer, Ratio string
}

// table is the benchmark's results, in the order they were measured.
type table []row

// writeText writes t as aligned columns for a terminal.
func (t table) writeText(w io.Writer, peerName string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "figure\tconcurlab\t%s\tratio\n", peerName)
	for _, r := range t {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Figure, r.Ours, r.Peer, r.Ratio)
	}
	return tw.Flush()
}

// writeMarkdown writes t as a Markdown table.
func (t table) writeMarkdown(w io.Writer, peerName string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "| figure | concurlab | %s | ratio |\n| --- | ---: | ---: | ---: |\n", peerName)
	for _, r := range t {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(r.Figure), cell(r.Ours), cell(r.Peer), cell(r.Ratio))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell escapes the pipes of a Markdown table cell and shows an empty one as a dash.
func cell(s string) string {
	if s == "" {
		return "–"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}

// significant writes v ≥ 1 with three significant digits, without an exponent.
func significant(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// ms writes a duration in milliseconds with three significant digits or so.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 10:
		return fmt.Sprintf("%.1f ms", v)
	default:
		return fmt.Sprintf("%.2f ms", v)
	}
}

// mib writes a byte count in MiB.
func mib(bytes int64) string { return fmt.Sprintf("%.1f MiB", float64(bytes)/(1<<20)) }

// ratio writes ours/peer: "1/15" when ours is smaller, "2.5×" when larger, "" when either
// is missing.
func ratio(ours, peer float64) string {
	if ours <= 0 || peer <= 0 {
		return ""
	}
	r := ours / peer
	if r < 1 {
		return "1/" + significant(1/r)
	}
	return significant(r) + "×"
}
