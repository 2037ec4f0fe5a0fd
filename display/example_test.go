package display_test

import "github.com/concurlab/concurlab/display"

// Outside the kernel, displays are printed as plain text.
func ExampleHTML() {
	display.HTML("<b>Threads</b> &amp; processes")
	// Output: Threads & processes
}

func ExampleShow() {
	h := display.Show(display.Bundle{"text/markdown": "**step 1**", "text/plain": "step 1"})
	h.Update(display.Bundle{"text/markdown": "**step 2**", "text/plain": "step 2"})
	// Output:
	// step 1
	// step 2
}

func ExampleJSON() {
	display.JSON(map[string]int{"workers": 4})
	// Output:
	// {
	//   "workers": 4
	// }
}
