//go:build ignore

// The front end's own Pull and Pull2 for the interpreter: the standard library's run the
// iterator as a coroutine of the Go runtime (runtime.newcoro), which interpreted code cannot
// reach. These run it in a goroutine, handing each value over a channel: next and stop behave
// as the standard library's do, at the cost of a goroutine switch per value.

package iter

// Pull converts the push iterator seq into a pull iterator (see the standard iter.Pull).
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	next2, stop := Pull2(func(yield func(V, struct{}) bool) {
		seq(func(v V) bool { return yield(v, struct{}{}) })
	})
	return func() (V, bool) {
		v, _, ok := next2()
		return v, ok
	}, stop
}

// Pull2 converts the push iterator seq into a pull iterator (see the standard iter.Pull2).
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	more := make(chan bool) // true asks for the next pair, false stops the iterator
	keys, values := make(chan K), make(chan V)
	started, finished := false, false
	next = func() (K, V, bool) {
		var k K
		var v V
		if finished {
			return k, v, false
		}
		if !started {
			started = true
			go func() {
				defer close(keys)
				// (receives stand in statements of their own: the interpreter
				// mishandles them inside if conditions and return lists)
				if first := <-more; first {
					seq(func(key K, value V) bool {
						keys <- key
						values <- value
						again := <-more
						return again
					})
				}
			}()
		}
		more <- true
		k, ok := <-keys
		if !ok {
			finished = true
			return k, v, false
		}
		v = <-values
		return k, v, true
	}
	stop = func() {
		if finished {
			return
		}
		finished = true
		if started {
			more <- false
			for range keys {
				<-values
			}
		}
	}
	return next, stop
}
