// Command gen writes the export data of every package that cells may import into one zip
// file, one deflated entry per import path, for package pkgtypes to embed. It reads the
// toolchain's export data (go list -export) and writes it back with gcexportdata, each
// package under the path that cells import it by ("concur", not the module path), so that
// type errors name it as cells do. Run it with `go generate ./kernel/gofront/pkgtypes`.
//
// The data is for linux/amd64 without cgo and has no positions, so that it is the same bytes
// on every machine and checkout, and changes only when a package's API does.
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/traefik/yaegi/stdlib"
	"golang.org/x/tools/go/gcexportdata"
)

// modulePath is the module of the compiled packages that cells import by short paths.
const modulePath = "github.com/concurlab/concurlab"

// genericOnly are the standard packages that yaegi's tables lack because their whole API is
// generic (a table of them would be empty): cells need their types, the front end their
// source. slices, maps and cmp have (empty) tables in yaegi already.
var genericOnly = []string{"iter", "unique", "weak", "crypto/hkdf", "crypto/pbkdf2"}

// extra are the packages beyond the standard library that cells import, by the path that
// cells use, mapped to the path that the go command knows them by.
var extra = map[string]string{
	"concur":                         modulePath + "/concur",
	"display":                        modulePath + "/display",
	"golang.org/x/sync/errgroup":     "golang.org/x/sync/errgroup",
	"golang.org/x/sync/semaphore":    "golang.org/x/sync/semaphore",
	"golang.org/x/sync/singleflight": "golang.org/x/sync/singleflight",
}

func main() {
	out := flag.String("o", "exports.zip", "the zip file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("pkgtypes/gen: ")
	data, err := generate()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

// targets returns the import path that cells use of every package to write, sorted, and the
// go command's path of each.
func targets() ([]string, map[string]string) {
	build := map[string]string{}
	for key := range stdlib.Symbols {
		slash := strings.LastIndexByte(key, '/')
		if slash < 0 || strings.Contains(strings.SplitN(key, "/", 2)[0], ".") {
			continue // "." holds yaegi's MapTypes; a dotted path is yaegi's own package
		}
		build[key[:slash]] = key[:slash]
	}
	for _, path := range genericOnly {
		build[path] = path
	}
	for path, goPath := range extra {
		build[path] = goPath
	}
	paths := make([]string, 0, len(build))
	for path := range build {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	return paths, build
}

// listed is what go list says of one package.
type listed struct {
	ImportPath string
	Export     string
	Error      *struct{ Err string }
}

// exportFiles returns the export data file of each of the go command's paths.
func exportFiles(goPaths []string) (map[string]string, error) {
	args := append([]string{"list", "-export", "-json=ImportPath,Export,Error", "--"}, goPaths...)
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, stderr.Bytes())
	}
	files := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list output: %v", err)
		}
		if p.Error != nil {
			return nil, fmt.Errorf("go list %s: %s", p.ImportPath, p.Error.Err)
		}
		files[p.ImportPath] = p.Export
	}
	return files, nil
}

// generate returns the zip file's bytes.
func generate() ([]byte, error) {
	paths, build := targets()
	goPaths := make([]string, len(paths))
	for i, path := range paths {
		goPaths[i] = build[path]
	}
	files, err := exportFiles(goPaths)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, path := range paths {
		data, err := rewrite(files[build[path]], path)
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rewrite reads the toolchain's export data in file as the package path and writes it back
// in gcexportdata's format. Packages that the data refers to by their go command's path are
// given the paths that cells use.
func rewrite(file, path string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	imports := map[string]*types.Package{}
	for short, goPath := range extra {
		if short != goPath {
			imports[goPath] = types.NewPackage(short, short[strings.LastIndexByte(short, '/')+1:])
		}
	}
	pkg, err := gcexportdata.Read(r, token.NewFileSet(), imports, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	// Written without a file set, the data has no positions: it changes only when an API
	// does, not when a line moves.
	var out bytes.Buffer
	if err := gcexportdata.Write(&out, nil, pkg); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return out.Bytes(), nil
}
