package main

import (
	"fmt"
	"strings"
)

// kernelSpec is a kernel to measure: how to start it and the cells of its language that
// the figures run.
type kernelSpec struct {
	name string
	// argv starts the kernel, "{connection_file}" standing for the connection file.
	argv []string
	// trivial is the cell whose round trip is timed.
	trivial string
	// printLines returns a cell that prints the numbers 0 to n-1, one a line.
	printLines func(n int) string
	// spin is a cell that loops forever in interpreted code.
	spin string
	// declare sets the state that an interrupt must keep; check is a cell whose result
	// shows it, as want.
	declare, check, want string
}

// concurlab is our kernel, started from binary.
func concurlab(binary string) kernelSpec {
	return kernelSpec{
		name:    "concurlab",
		argv:    []string{binary, "kernel", "{connection_file}"},
		trivial: "1+1",
		printLines: func(n int) string {
			return fmt.Sprintf("import \"fmt\"\nfor i := 0; i < %d; i++ {\n\tfmt.Println(i)\n}", n)
		},
		spin:    "for {\n}",
		declare: "func answer() int { return 42 }\nvar kept = answer() - 1",
		check:   "kept + 1",
		want:    "42",
	}
}

// ipykernel is Debian's python3-ipykernel, started by python (without frozen modules, of
// which its debugger warns at every start).
func ipykernel(python string) kernelSpec {
	return kernelSpec{
		name:    "ipykernel",
		argv:    []string{python, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"},
		trivial: "1+1",
		printLines: func(n int) string {
			return fmt.Sprintf("for i in range(%d):\n    print(i)", n)
		},
		spin:    "while True:\n    pass",
		declare: "def answer():\n    return 42\nkept = answer() - 1",
		check:   "kept + 1",
		want:    "42",
	}
}

// checkLines tells whether text is the numbers 0 to n-1, one a line, in order, and if not,
// where it first differs.
func checkLines(text string, n int) error {
	lines := strings.SplitAfter(text, "\n")
	if last := lines[len(lines)-1]; last == "" {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		if i >= n {
			return fmt.Errorf("%d lines, not %d", len(lines), n)
		}
		if want := fmt.Sprintf("%d\n", i); line != want {
			return fmt.Errorf("line %d is %q, not %q", i+1, line, want)
		}
	}
	if len(lines) < n {
		return fmt.Errorf("only %d of %d lines", len(lines), n)
	}
	return nil
}
