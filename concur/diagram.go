package concur

import "github.com/concurlab/concurlab/internal/plot"

// ThreadDiagram draws the notes' missing picture of a multithreaded process: one process
// whose code, data and files all its threads share, and threads that each have their own
// program counter, stack and registers. threads is the number of threads drawn (1 to 8; 1
// draws a single-threaded process).
func ThreadDiagram(threads int) Picture {
	threads = min(max(threads, 1), 8)
	const boxWidth, gap, left = 110.0, 14.0, 30.0
	width := left*2 + float64(threads)*boxWidth + float64(threads-1)*gap
	width = max(width, 440)
	title := plot.L("单线程的进程", "A process with one thread")
	if threads > 1 {
		title = plot.F("有 %d 个线程的进程", "A process with %d threads", threads)
	}
	c := plot.New(width, 350, title)
	c.Rect(10, 34, width-20, 290, `fill="#fafafa" stroke="#333" rx="8"`)
	c.Text(20, 52, "start", `font-weight="bold"`, plot.L("进程", "process"))
	shared := [][2]string{{"代码", "code"}, {"数据", "data"}, {"文件", "files"}}
	sharedWidth := (width - 2*left - 2*gap) / 3
	for i, name := range shared {
		x := left + float64(i)*(sharedWidth+gap)
		c.Rect(x, 62, sharedWidth, 40, `fill="#c6dbef" stroke="#333" class="shared"`)
		c.Text(x+sharedWidth/2, 87, "middle", "", plot.L(name[0], name[1]))
	}
	c.Text(width/2, 122, "middle", `font-style="italic"`, plot.L("所有线程共享", "shared by all threads"))
	for i := range threads {
		x := left + float64(i)*(boxWidth+gap)
		c.Open("thread", "")
		c.Rect(x, 134, boxWidth, 176, `fill="#e5f5e0" stroke="#333" rx="4"`)
		name := "MainThread"
		if i > 0 {
			name = "Thread-" + itoa(int64(i))
		}
		c.Text(x+boxWidth/2, 152, "middle", `font-weight="bold"`, name)
		for j, part := range [][2]string{{"寄存器", "registers"}, {"栈", "stack"}, {"程序计数器", "program counter"}} {
			y := 160 + float64(j)*38
			c.Rect(x+6, y, boxWidth-12, 32, `fill="white" stroke="#777"`)
			lines := plot.LabelLines(part[0], part[1])
			for k, line := range lines {
				c.Text(x+boxWidth/2, y+16+13*(float64(k)-float64(len(lines)-1)/2)+4, "middle", `font-size="11"`, line)
			}
		}
		c.Text(x+boxWidth/2, 300, "middle", `font-size="20"`, "⌇")
		c.Close()
	}
	c.Legend(left, 340, width-left, []plot.Entry{
		{Label: plot.L("共享", "shared"), Mark: plot.Box, Colour: "#c6dbef"},
		{Label: plot.L("每个线程自己的", "each thread's own"), Mark: plot.Box, Colour: "#e5f5e0"},
	})
	return Picture(c.String())
}
