package main

import (
	"strings"
	"testing"
	"time"
)

func TestWriteMarkdown(t *testing.T) {
	tab := table{
		{Figure: "start", Ours: "18.0 ms", Peer: "810 ms", Ratio: "1/45"},
		{Figure: "a | b", Ours: "yes"},
	}
	var b strings.Builder
	if err := tab.writeMarkdown(&b, "ipykernel"); err != nil {
		t.Fatal(err)
	}
	want := "| figure | concurlab | ipykernel | ratio |\n" +
		"| --- | ---: | ---: | ---: |\n" +
		"| start | 18.0 ms | 810 ms | 1/45 |\n" +
		"| a \\| b | yes | – | – |\n"
	if got := b.String(); got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	if err := (table{{Figure: "start", Ours: "18.0 ms", Peer: "810 ms", Ratio: "1/45"}}).writeText(&b, "peer"); err != nil {
		t.Fatal(err)
	}
	want := "figure  concurlab  peer    ratio\nstart   18.0 ms    810 ms  1/45\n"
	if got := b.String(); got != want {
		t.Errorf("text:\n%q\nwant:\n%q", got, want)
	}
}

func TestFormats(t *testing.T) {
	cases := []struct{ got, want string }{
		{ms(812 * time.Millisecond), "812 ms"},
		{ms(12340 * time.Microsecond), "12.3 ms"},
		{ms(970 * time.Microsecond), "0.97 ms"},
		{mib(54 << 20), "54.0 MiB"},
		{ratio(1, 15), "1/15.0"},
		{ratio(0.97, 10), "1/10.3"},
		{ratio(350, 1), "350×"},
		{ratio(18000, 1), "18000×"},
		{ratio(2.5, 1), "2.50×"},
		{ratio(1, 1), "1.00×"},
		{ratio(0, 1), ""},
		{ratio(1, 0), ""},
		{nsPerOp(250), "250 ns/op"},
		{nsPerOp(1200), "1.20 µs/op"},
		{nsPerOp(6968980), "6.97 ms/op"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
