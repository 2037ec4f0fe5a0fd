package eval

import (
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

func TestStdoutAndStderrKeepTheirOrder(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.mustExec(`import ("fmt"; "log"; "os")
log.SetFlags(0)
for i := 0; i < 3; i++ {
	fmt.Println("out", i)
	fmt.Fprintln(os.Stderr, "err", i)
	fmt.Fprintf(os.Stdout, "printf %d\n", i)
	log.Println("log", i)
}`)
	var runs []enginetest.Stream // consecutive writes to one stream, joined
	for _, s := range r.out.Streams() {
		if n := len(runs); n > 0 && runs[n-1].Name == s.Name {
			runs[n-1].Text += s.Text
		} else {
			runs = append(runs, s)
		}
	}
	var got []string
	for _, s := range runs {
		for _, line := range strings.Split(strings.TrimSpace(s.Text), "\n") {
			got = append(got, s.Name+":"+line)
		}
	}
	var want []string
	for _, i := range []string{"0", "1", "2"} {
		want = append(want, "stdout:out "+i, "stderr:err "+i, "stdout:printf "+i, "stderr:log "+i)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("streams came as\n%v\nwant\n%v", got, want)
	}
}

func TestFprintToTheCellsFilesCallsStringMethods(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.mustExec(`import ("fmt"; "os")
type celsius float64
func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }
fmt.Fprintln(os.Stdout, celsius(21.5))
fmt.Fprintf(os.Stderr, "%v\n", celsius(-3))`)
	if got := r.out.Text("stdout"); got != "21.5°C\n" {
		t.Errorf("stdout %q, want 21.5°C", got)
	}
	if got := r.out.Text("stderr"); got != "-3.0°C\n" {
		t.Errorf("stderr %q, want -3.0°C", got)
	}
}

// What a cell writes straight to its files' pipes, a last line without its newline
// included, is that cell's output: the cell ends only once the pipes have been read.
func TestDirectWritesStayWithTheirCell(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import ("os"; "strings")`)
	for i := 0; i < 20; i++ {
		r := h.mustExec(`os.Stdout.Write([]byte(strings.Repeat("x", 100000)))
os.Stderr.WriteString("no newline")`)
		if got := len(r.out.Text("stdout")); got != 100000 {
			t.Fatalf("cell %d: %d bytes of stdout, want 100000", i, got)
		}
		if got := r.out.Text("stderr"); got != "no newline" {
			t.Fatalf("cell %d: stderr %q, want the unfinished line", i, got)
		}
	}
	if streams := h.mustExec(`1`).out.Streams(); len(streams) != 0 {
		t.Errorf("the next cell got %d streams of the earlier ones", len(streams))
	}
}

// Library code given os.Stdout writes through the file (the pipe), fmt.Println does not:
// a cell's lines still come in the order they ran.
func TestWritesToTheFileAndPrintlnKeepTheirOrder(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import ("encoding/json"; "fmt"; "os"; "strings"; "text/template")`)
	tests := []struct {
		name, code, want string
	}{
		{"template with a func", `t := template.Must(template.New("t").Funcs(template.FuncMap{"up": strings.ToUpper}).Parse("{{up .}}\n"))
t.Execute(os.Stdout, "a")
fmt.Println("b")`, "A\nb\n"},
		{"file methods", `for i := 0; i < 50; i++ {
	os.Stdout.WriteString("w")
	fmt.Print(i % 10)
}
fmt.Println()`, strings.Repeat("w0w1w2w3w4w5w6w7w8w9", 5) + "\n"},
		{"json encoder", `json.NewEncoder(os.Stdout).Encode([]int{1})
fmt.Println("after")`, "[1]\nafter\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := h.mustExec(tt.code).out.Text("stdout"); got != tt.want {
				t.Errorf("stdout %q, want %q", got, tt.want)
			}
		})
	}
}
