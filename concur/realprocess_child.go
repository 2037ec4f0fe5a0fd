package concur

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
)

// ServeProcess is the main loop of a child of a real process pool (see ProcessStarter): it
// tells the pool that it is ready, then runs the calls that arrive on file descriptor 3, one
// at a time, and answers each on file descriptor 4, until the pool closes the pipe. lookup
// returns the function of a name, in this process. A panic in a function fails its call;
// the child serves on. It fails at once in a process that StartProcesses did not start.
func ServeProcess(lookup func(name string) (reflect.Value, error)) error {
	if os.Getenv(processEnv) != "1" {
		return errors.New("concur: ServeProcess runs in a child that StartProcesses started, not here")
	}
	os.Unsetenv(processEnv) // not for the processes that this one starts
	calls, replies := os.NewFile(3, "concur-calls"), os.NewFile(4, "concur-replies")
	defer calls.Close()
	defer replies.Close()
	return serveProcess(calls, replies, lookup)
}

// serveProcess is ServeProcess on the pipes r and w.
func serveProcess(r io.Reader, w io.Writer, lookup func(string) (reflect.Value, error)) error {
	in, out := bufio.NewReader(r), &messageWriter{w: w}
	pid := os.Getpid()
	if err := out.send(processReply{PID: pid}); err != nil {
		return err
	}
	for {
		dec := gob.NewDecoder(in)
		var pc processCall
		if err := dec.Decode(&pc); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		reply, result := runCall(pc, dec, lookup)
		reply.PID = pid
		var values []any
		if reply.Result {
			values = append(values, result.Interface())
		}
		err := out.send(reply, values...)
		if ve, ok := err.(*valueError); ok {
			reply = processReply{PID: pid, Failed: true,
				Err: fmt.Sprintf("the result of %s (%s) cannot be copied back: %v", pc.Func, result.Type(), ve.err)}
			err = out.send(reply)
		}
		if err != nil {
			return err
		}
	}
}

// errorType is the type of error values.
var errorType = reflect.TypeFor[error]()

// runCall looks the function up, decodes the arguments from dec into its parameters (all of
// them, whatever fails, so that the next call starts clean), calls it, and returns its reply
// and result.
func runCall(pc processCall, dec *gob.Decoder, lookup func(string) (reflect.Value, error)) (processReply, reflect.Value) {
	decoded := 0
	fail := func(format string, args ...any) (processReply, reflect.Value) {
		for ; decoded < pc.Args; decoded++ {
			_ = dec.DecodeValue(reflect.Value{}) // discards the value
		}
		return processReply{Failed: true, Err: fmt.Sprintf(format, args...)}, reflect.Value{}
	}
	fn, err := lookup(pc.Func)
	if err != nil {
		return fail("%v", err)
	}
	t := fn.Type()
	if fn.Kind() != reflect.Func {
		return fail("%s is a %s, not a function", pc.Func, t)
	}
	if t.NumIn() != pc.Args {
		return fail("%s takes %d arguments, not %d (pass several as concur.Args{...})", pc.Func, t.NumIn(), pc.Args)
	}
	results := t.NumOut()
	returnsErr := results > 0 && t.Out(results-1) == errorType
	if returnsErr {
		results--
	}
	if results > 1 {
		return fail("%s returns %d results; a process pool calls functions of one result (and an error)", pc.Func, results)
	}
	in := make([]reflect.Value, pc.Args)
	for i := range in {
		pt := t.In(i)
		if pt.Kind() == reflect.Interface {
			return fail("parameter %d of %s is an interface (%s): a process pool copies values of concrete types only", i+1, pc.Func, pt)
		}
		v := reflect.New(pt)
		err := dec.DecodeValue(v)
		decoded++
		if err != nil {
			return fail("argument %d does not fit parameter %d of %s (%s): %v", i+1, i+1, pc.Func, pt, err)
		}
		in[i] = v.Elem()
	}
	var out []reflect.Value
	if v, panicked := calling(func() {
		if t.IsVariadic() {
			out = fn.CallSlice(in)
		} else {
			out = fn.Call(in)
		}
	}); panicked {
		return processReply{Failed: true, Panicked: true, Err: fmt.Sprint(v)}, reflect.Value{}
	}
	if returnsErr {
		if err, _ := out[results].Interface().(error); err != nil {
			return processReply{Failed: true, Err: err.Error()}, reflect.Value{}
		}
	}
	if results == 0 {
		return processReply{}, reflect.Value{}
	}
	return processReply{Result: true}, out[0]
}

// calling calls f and returns the value it panicked with, if it did.
func calling(f func()) (value any, panicked bool) {
	defer func() {
		if v := recover(); v != nil {
			value, panicked = v, true
		}
	}()
	f()
	return nil, false
}
