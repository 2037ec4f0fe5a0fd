//go:build ignore

// The front end's own Clone for the interpreter: the standard library's copies the map's
// buckets in the runtime (maps.clone), which interpreted code cannot reach.

package maps

// Clone returns a copy of m: a shallow clone, the new keys and values set by assignment; a
// nil map clones to nil (see the standard maps.Clone).
func Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	r := make(M, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}
