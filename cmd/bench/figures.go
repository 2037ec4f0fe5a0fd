package main

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
)

// measureStarts starts spec's kernel n times and returns the times from starting the
// process to its first kernel_info_reply (and that request's idle status).
func measureStarts(spec kernelSpec, n int) ([]time.Duration, error) {
	var times []time.Duration
	for range n {
		begin := time.Now()
		c, err := startKernel(spec)
		if err != nil {
			return times, err
		}
		times = append(times, time.Since(begin))
		c.Close()
	}
	return times, nil
}

// warmUp is how many cells run before the round trips that are timed.
const warmUp = 5

// measureRoundTrips runs code n times, after warmUp runs, and returns the times from sending
// each execute_request to receiving its idle status.
func measureRoundTrips(c *client.Client, code string, n int) ([]time.Duration, error) {
	times := make([]time.Duration, 0, n)
	for i := range warmUp + n {
		begin := time.Now()
		id, err := c.Send(client.Shell, "execute_request", executeRequest(code))
		if err != nil {
			return nil, err
		}
		if _, err := c.IOPubUntilIdle(id, cellTimeout); err != nil {
			return nil, err
		}
		elapsed := time.Since(begin)
		if _, err := replyTo(c, id); err != nil {
			return nil, err
		}
		if i >= warmUp {
			times = append(times, elapsed)
		}
	}
	return times, nil
}

// throughput is what a cell printing many lines cost.
type throughput struct {
	lines    int
	elapsed  time.Duration // execute_request sent → last stream message received
	bytes    int
	messages int
	err      error // what was wrong with the lines, if anything
	// growth is how much the kernel process's peak RSS rose above its RSS before the cell.
	growth int64
}

// measureThroughput runs spec's cell that prints n lines.
func measureThroughput(c *client.Client, spec kernelSpec, n int) (throughput, error) {
	pid := c.Pid()
	before, err := processMemory(pid)
	if err != nil {
		return throughput{}, err
	}
	begin := time.Now()
	id, err := c.Send(client.Shell, "execute_request", executeRequest(spec.printLines(n)))
	if err != nil {
		return throughput{}, err
	}
	t := throughput{lines: n}
	var text strings.Builder
	for {
		m, err := c.Recv(client.IOPub, cellTimeout)
		if err != nil {
			return throughput{}, err
		}
		if m.Parent.MsgID != id {
			continue
		}
		if m.Header.MsgType == "stream" {
			t.elapsed = time.Since(begin)
			t.messages++
			var s struct{ Text string }
			m.DecodeContent(&s)
			text.WriteString(s.Text)
		}
		if m.Header.MsgType == "status" && strings.Contains(string(m.Content), `"idle"`) {
			break
		}
	}
	if _, err := replyTo(c, id); err != nil {
		return throughput{}, err
	}
	t.bytes = text.Len()
	t.err = checkLines(text.String(), n)
	after, err := processMemory(pid)
	if err != nil {
		return throughput{}, err
	}
	t.growth = after.Peak - before.RSS
	return t, nil
}

// interruption is how an interrupted cell ended.
type interruption struct {
	reply     time.Duration // interrupt_request sent → interrupt_reply received
	cellReply time.Duration // interrupt_request sent → the cell's error reply received
	nextCell  time.Duration // interrupt_request sent → the next cell's idle status
	errName   string        // the interrupted cell's ename
	state     error         // nil when the declared state survived
}

// measureInterrupts measures n interrupts of code and returns the median of each time. The
// state must have been kept every time; the error's name is the first interrupt's.
func measureInterrupts(c *client.Client, spec kernelSpec, code string, n int) (interruption, error) {
	var runs []interruption
	for range n {
		r, err := measureInterrupt(c, spec, code)
		if err != nil {
			return interruption{}, err
		}
		runs = append(runs, r)
	}
	m := runs[0]
	for _, r := range runs {
		m.state = cmp.Or(m.state, r.state)
	}
	pick := func(of func(interruption) time.Duration) time.Duration {
		var times []time.Duration
		for _, r := range runs {
			times = append(times, of(r))
		}
		return median(times)
	}
	m.reply = pick(func(r interruption) time.Duration { return r.reply })
	m.cellReply = pick(func(r interruption) time.Duration { return r.cellReply })
	m.nextCell = pick(func(r interruption) time.Duration { return r.nextCell })
	return m, nil
}

// measureInterrupt declares spec's state, runs code, interrupts it once it runs and then
// checks the state.
func measureInterrupt(c *client.Client, spec kernelSpec, code string) (interruption, error) {
	if _, err := mustSucceed(c, spec.declare); err != nil {
		return interruption{}, err
	}
	// Without stop_on_error, ipykernel does not abort the check cell that follows the error.
	req := executeRequest(code)
	req.StopOnError = false
	id, err := c.Send(client.Shell, "execute_request", req)
	if err != nil {
		return interruption{}, err
	}
	if err := waitBusy(c, id); err != nil {
		return interruption{}, err
	}
	time.Sleep(200 * time.Millisecond) // let the cell start running
	var r interruption
	begin := time.Now()
	if _, err := c.Interrupt(); err != nil {
		return interruption{}, fmt.Errorf("interrupt: %w", err)
	}
	r.reply = time.Since(begin)
	reply, err := replyTo(c, id)
	if err != nil {
		return interruption{}, fmt.Errorf("the interrupted cell: %w", err)
	}
	r.cellReply = time.Since(begin)
	msgs, err := c.IOPubUntilIdle(id, cellTimeout)
	if err != nil {
		return interruption{}, err
	}
	r.errName = collect(reply, msgs).errName
	r.state = checkState(c, spec)
	r.nextCell = time.Since(begin)
	return r, nil
}

// measureFib declares a recursive fib in the kernel and returns how long fib(n) took there,
// as the cell measures it, and compiled here (the best of three).
func measureFib(c *client.Client, n int) (interpreted, compiled time.Duration, err error) {
	if _, err := mustSucceed(c, fibSource); err != nil {
		return 0, 0, err
	}
	cell := fmt.Sprintf("import (\n\t\"fmt\"\n\t\"time\"\n)\nstart := time.Now()\nresult := fib(%d)\nfmt.Println(result, time.Since(start).Nanoseconds())", n)
	r, err := mustSucceed(c, cell)
	if err != nil {
		return 0, 0, err
	}
	fields := strings.Fields(r.stdout)
	if len(fields) != 2 || fields[0] != strconv.Itoa(fib(n)) {
		return 0, 0, fmt.Errorf("fib(%d) printed %q", n, r.stdout)
	}
	ns, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("fib(%d) printed %q", n, r.stdout)
	}
	compiled = time.Hour
	for range 3 {
		begin := time.Now()
		fibSink = fib(n)
		compiled = min(compiled, time.Since(begin))
	}
	return time.Duration(ns), compiled, nil
}

// fibSink keeps the compiled fib's result, so that its calls are not optimised away.
var fibSink int

// fib is the compiled twin of the cell's fib.
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// crashCell kills the worker with a fatal runtime error, which forces its replacement.
const crashCell = "m := map[int]int{}\nfor i := 0; i < 2; i++ {\n\tgo func() {\n\t\tfor j := 0; ; j++ {\n\t\t\tm[j] = j\n\t\t}\n\t}()\n}\nselect {}"

// replacement is how a kernel recovered from a worker that had to be replaced.
type replacement struct {
	errName  string        // the crashed cell's ename
	nextCell time.Duration // the crashed cell's reply received → the next cell's idle status
	state    error         // nil when the declared state survived
}

// measureReplacement declares spec's state, crashes the worker and times the next cell.
func measureReplacement(c *client.Client, spec kernelSpec) (replacement, error) {
	if _, err := mustSucceed(c, spec.declare); err != nil {
		return replacement{}, err
	}
	r, err := execute(c, crashCell)
	if err != nil {
		return replacement{}, err
	}
	begin := time.Now()
	state := checkState(c, spec)
	return replacement{errName: r.errName, nextCell: time.Since(begin), state: state}, nil
}

// zombieCell is a compiled call that runs for hours; an interrupt cannot stop it, so the
// supervisor replaces the worker that it keeps busy.
const zombieCell = "import \"math/big\"\nnew(big.Int).Exp(big.NewInt(3), big.NewInt(1<<40), nil)"

// abandonment is how a kernel got rid of a compiled call that an interrupt left computing,
// both counted from interrupt_request.
type abandonment struct {
	replaced time.Duration // until the busy worker process is gone
	nextCell time.Duration // until a cell after that is done
}

// measureZombie interrupts zombieCell and times the replacement of the worker it keeps busy.
func measureZombie(c *client.Client) (abandonment, error) {
	pid, err := workerPid(c.Pid())
	if err != nil {
		return abandonment{}, err
	}
	id, err := c.Send(client.Shell, "execute_request", executeRequest(zombieCell))
	if err != nil {
		return abandonment{}, err
	}
	if err := waitBusy(c, id); err != nil {
		return abandonment{}, err
	}
	time.Sleep(200 * time.Millisecond) // let the computation start
	begin := time.Now()
	if _, err := c.Interrupt(); err != nil {
		return abandonment{}, fmt.Errorf("interrupt: %w", err)
	}
	if _, err := replyTo(c, id); err != nil {
		return abandonment{}, fmt.Errorf("the interrupted cell: %w", err)
	}
	if _, err := c.IOPubUntilIdle(id, cellTimeout); err != nil {
		return abandonment{}, err
	}
	for {
		if _, err := processCPU(pid); err != nil {
			break
		}
		if time.Since(begin) > cellTimeout {
			return abandonment{}, fmt.Errorf("the busy worker still runs %v after the interrupt", cellTimeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
	a := abandonment{replaced: time.Since(begin)}
	if _, err := mustSucceed(c, "1"); err != nil {
		return abandonment{}, err
	}
	a.nextCell = time.Since(begin)
	return a, nil
}
