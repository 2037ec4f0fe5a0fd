package gofront

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"reflect"
	"testing"
)

// TestPackageMethods checks the method sets that PackageMethods finds in
// testdata/methods/methods.go: value and pointer receivers, promotion through embedded
// session and host types, signatures that do not match, generic and interface types left out.
func TestPackageMethods(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "testdata/methods/methods.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	u, errs := CheckFiles(fset, []*ast.File{f}, importer.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]TypeMethods{}
	for _, tm := range PackageMethods(u.Pkg) {
		got[tm.Name] = tm
	}
	tests := []struct {
		name           string
		value, pointer []string
	}{
		{"Value", []string{"String"}, nil},
		{"Pointer", []string{"As", "Format", "GoString"}, []string{"Error", "Is", "Unwrap"}},
		{"Promoted", []string{"As", "Error", "Format", "GoString", "Is", "String", "Unwrap"}, nil},
		{"Buffered", []string{"String"}, nil},
		{"WrongSignature", []string{"Unwrap"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := TypeMethods{Name: tt.name, Value: tt.value, Pointer: tt.pointer}
			if !reflect.DeepEqual(got[tt.name], want) {
				t.Errorf("PackageMethods: %+v, want %+v", got[tt.name], want)
			}
		})
	}
	for _, name := range []string{"Generic", "Iface", "Plain"} {
		if tm, ok := got[name]; ok {
			t.Errorf("PackageMethods lists %s: %+v", name, tm)
		}
	}
}
