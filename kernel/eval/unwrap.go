package eval

import (
	"reflect"
	"unsafe"
)

// unwrap returns the value inside yaegi's valueInterface, the box in which interpreted code
// keeps a value of an interpreted type in an interface (printing the box shows pointers);
// other values come back as they are. The box is {node *node; value reflect.Value} in
// yaegi v0.16.1 (interp/run.go); its fields are unexported, hence unsafe.
func unwrap(v any) any {
	for {
		rv := reflect.ValueOf(v)
		if !rv.IsValid() || rv.Type().Name() != "valueInterface" || rv.Type().PkgPath() != "github.com/traefik/yaegi/interp" {
			return v
		}
		box := reflect.New(rv.Type()).Elem()
		box.Set(rv)
		field := box.FieldByName("value")
		if !field.IsValid() || field.Type() != reflect.TypeOf(reflect.Value{}) {
			return v
		}
		inner := *(*reflect.Value)(unsafe.Pointer(field.UnsafeAddr()))
		if !inner.IsValid() || !inner.CanInterface() {
			return nil
		}
		v = inner.Interface()
	}
}
