package concur

import "fmt"

// ThreadDiagram draws the notes' missing picture of a multithreaded process: one process
// whose code, data and files all its threads share, and threads that each have their own
// program counter, stack and registers. threads is the number of threads drawn (1 to 8; 1
// draws a single-threaded process).
func ThreadDiagram(threads int) Picture {
	threads = min(max(threads, 1), 8)
	const boxWidth, gap, left = 110.0, 14.0, 30.0
	width := left*2 + float64(threads)*boxWidth + float64(threads-1)*gap
	width = max(width, 420)
	title := "A process with one thread"
	if threads > 1 {
		title = fmt.Sprintf("A process with %d threads", threads)
	}
	c := newCanvas(int(width), 330, title)
	c.rect(10, 34, width-20, 286, "#fafafa", `stroke="#333" rx="8"`)
	c.text(20, 52, "start", `font-weight="bold"`, "process")
	shared := []string{"code", "data", "files"}
	sharedWidth := (width - 2*left - 2*gap) / 3
	for i, name := range shared {
		x := left + float64(i)*(sharedWidth+gap)
		c.rect(x, 62, sharedWidth, 40, "#c6dbef", `stroke="#333" class="shared"`)
		c.text(x+sharedWidth/2, 87, "middle", "", name)
	}
	c.text(width/2, 122, "middle", `font-style="italic"`, "shared by all threads")
	for i := range threads {
		x := left + float64(i)*(boxWidth+gap)
		fmt.Fprintf(&c.b, `<g class="thread">`)
		c.rect(x, 134, boxWidth, 170, "#e5f5e0", `stroke="#333" rx="4"`)
		name := "MainThread"
		if i > 0 {
			name = "Thread-" + itoa(int64(i))
		}
		c.text(x+boxWidth/2, 152, "middle", `font-weight="bold"`, name)
		for j, part := range []string{"registers", "stack", "program counter"} {
			y := 162 + float64(j)*34
			c.rect(x+8, y, boxWidth-16, 26, "white", `stroke="#777"`)
			c.text(x+boxWidth/2, y+17, "middle", `font-size="11"`, part)
		}
		c.text(x+boxWidth/2, 292, "middle", `font-size="20"`, "⌇")
		c.raw("</g>")
	}
	c.legend(left, 316, []string{"#c6dbef", "#e5f5e0"}, []string{"shared", "each thread's own"})
	return c.picture()
}
