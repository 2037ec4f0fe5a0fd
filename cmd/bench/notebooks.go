package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// notebookCells returns the source of the code cells of a notebook (nbformat 4), whose
// sources are strings or lists of lines.
func notebookCells(r io.Reader) ([]string, error) {
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if err := json.NewDecoder(r).Decode(&nb); err != nil {
		return nil, err
	}
	var cells []string
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		var text string
		if err := json.Unmarshal(c.Source, &text); err != nil {
			var lines []string
			if err := json.Unmarshal(c.Source, &lines); err != nil {
				return nil, fmt.Errorf("cell %d: source is neither a string nor a list of strings", i)
			}
			text = strings.Join(lines, "")
		}
		if strings.TrimSpace(text) != "" {
			cells = append(cells, text)
		}
	}
	return cells, nil
}

// shippedNotebooks returns the code cells of each notebook in dir, by file name.
func shippedNotebooks(dir string) (map[string][]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.ipynb"))
	if err != nil {
		return nil, err
	}
	notebooks := map[string][]string{}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		cells, err := notebookCells(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		notebooks[filepath.Base(path)] = cells
	}
	return notebooks, nil
}
