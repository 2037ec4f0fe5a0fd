package jupyter

import (
	"bytes"
	"testing"
)

// frameSeparator splits a fuzz input into frames.
var frameSeparator = []byte("\n--\n")

// FuzzDecode feeds Decode arbitrary frames: it must never panic, and whatever it accepts
// must survive Encode and Decode again unchanged. The seed corpus is in testdata/fuzz.
func FuzzDecode(f *testing.F) {
	signers := []Signer{NewSigner("fuzz-key"), {}}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, s := range signers {
			m, err := Decode(bytes.Split(data, frameSeparator), s)
			if err != nil {
				continue
			}
			frames, err := Encode(m, s)
			if err != nil {
				continue
			}
			again, err := Decode(frames, s)
			if err != nil {
				t.Fatalf("re-encoded message does not decode: %v", err)
			}
			if again.Header != m.Header || again.Parent != m.Parent || !bytes.Equal(again.Content, m.Content) {
				t.Fatalf("re-encoding changed the message: %+v, then %+v", m, again)
			}
		}
	})
}
