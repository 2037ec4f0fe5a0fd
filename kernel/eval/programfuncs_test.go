package eval

import "testing"

// TestProgramInitsInOneSession pastes programs with init functions into one session, after
// other programs: each program prints what go run prints for it alone.
func TestProgramInitsInOneSession(t *testing.T) {
	const inits = "package main\n\nimport \"fmt\"\n\nvar registry = map[string]int{}\n\n" +
		"func init() {\n\tregistry[\"alpha\"] = 1\n}\n\n" +
		"func init() {\n\tregistry[\"beta\"] = len(registry) + 1\n}\n\n" +
		"func main() {\n\tfmt.Println(len(registry), registry[\"alpha\"], registry[\"beta\"])\n}\n"
	h := newHarness(t, Options{})
	steps := []struct{ name, code, stdout string }{
		{"a program without init", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"one\")\n}\n", "one\n"},
		{"two inits after it", inits, "2 1 2\n"},
		{"the same program again", inits, "2 1 2\n"},
		{"one init at another line", "package main\n\nimport \"fmt\"\n\nvar n int\n\nfunc init() { n = 7 }\n\nfunc main() { fmt.Println(n) }\n", "7\n"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			r := h.exec(st.code)
			if r.reply.Error != nil {
				t.Fatalf("failed:\n%s", r.errorText())
			}
			if got := r.out.Text("stdout"); got != st.stdout {
				t.Errorf("printed %q, want %q", got, st.stdout)
			}
		})
	}
}
