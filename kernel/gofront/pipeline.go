package gofront

// Lowerings returns the edits that turn a checked cell into code that the interpreter runs
// as Go would, or an error in Go's terms for a construct that it cannot run.
func (ck *Checked) Lowerings() ([]Edit, error) {
	return cellDefers(ck), nil
}
