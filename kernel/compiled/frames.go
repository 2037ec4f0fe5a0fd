package compiled

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/concurlab/concurlab/kernel/engine"
)

// frame is one display message of a compiled program (see shim).
type frame struct {
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
	ID       string         `json:"id"`
	Update   bool           `json:"update"`
	Clear    bool           `json:"clear"`
	Wait     bool           `json:"wait"`
	Result   map[string]any `json:"result"`
}

// copyStdout passes the program's standard output to out: text as stdout, the frames that
// marker starts as displays, in the order the program wrote them. It returns the cell's
// result, the last that the program sent.
func copyStdout(r io.Reader, marker string, out engine.Output) *engine.DisplayData {
	buf := make([]byte, 32<<10)
	var pending []byte
	res := &results{Output: out}
	for {
		n, err := r.Read(buf)
		pending = append(pending, buf[:n]...)
		pending = passFrames(pending, []byte(marker), res, err != nil)
		if err != nil {
			return res.last
		}
	}
}

// results is the Output of a program's frames, which keeps the last result frame.
type results struct {
	engine.Output
	last *engine.DisplayData
}

// passFrames sends what pending holds to out and returns what must wait for more bytes: a
// frame not yet whole, or text that may be a marker's beginning. At the end (eof) all text
// goes.
func passFrames(pending, marker []byte, out *results, eof bool) []byte {
	for len(pending) > 0 {
		i := bytes.Index(pending, marker)
		if i < 0 {
			keep := 0
			if !eof {
				keep = partialSuffix(pending, marker)
			}
			if len(pending) > keep {
				out.Stream("stdout", string(pending[:len(pending)-keep]))
			}
			return pending[len(pending)-keep:]
		}
		if i > 0 {
			out.Stream("stdout", string(pending[:i]))
			pending = pending[i:]
		}
		rest := pending[len(marker):]
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			return pending
		}
		size, err := strconv.Atoi(string(rest[:nl]))
		if err != nil || size < 0 {
			out.Stream("stdout", string(pending[:len(marker)]))
			pending = rest
			continue
		}
		if len(rest) < nl+1+size {
			return pending
		}
		publish(rest[nl+1:nl+1+size], out)
		pending = rest[nl+1+size:]
	}
	return pending
}

// partialSuffix returns the length of the longest end of text that begins marker.
func partialSuffix(text, marker []byte) int {
	for n := min(len(marker)-1, len(text)); n > 0; n-- {
		if bytes.HasSuffix(text, marker[:n]) {
			return n
		}
	}
	return 0
}

// publish shows one frame.
func publish(b []byte, out *results) {
	var f frame
	if err := json.Unmarshal(b, &f); err != nil {
		out.Stream("stderr", "display: a message of the program could not be read: "+err.Error()+"\n")
		return
	}
	if f.Result != nil {
		out.last = &engine.DisplayData{Data: f.Result}
		return
	}
	if f.Clear {
		out.ClearOutput(f.Wait)
		return
	}
	out.Display(engine.DisplayData{Data: f.Data, Metadata: f.Metadata, DisplayID: f.ID, Update: f.Update})
}
