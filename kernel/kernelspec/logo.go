package kernelspec

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// goBlue is the Go project's brand colour.
var goBlue = color.RGBA{0x00, 0xAD, 0xD8, 0xFF}

// lanes are the logo's picture: three threads on a timeline, each running (white) in turn,
// as concur's timeline draws them. Each lane is a list of [start, end) spans in 1/16ths.
var lanes = [3][][2]int{
	{{2, 6}, {10, 14}},
	{{4, 9}},
	{{7, 11}, {13, 15}},
}

// Logo draws the kernel's logo as a size×size PNG: a Go-blue square with three lanes of a
// thread timeline.
func Logo(size int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	unit := float64(size) / 16
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			img.Set(x, y, goBlue)
		}
	}
	for i, spans := range lanes {
		top := int(unit * float64(3+4*i))
		bottom := int(unit * float64(5+4*i))
		for _, span := range spans {
			for y := top; y < bottom; y++ {
				for x := int(unit * float64(span[0])); x < int(unit*float64(span[1])); x++ {
					img.Set(x, y, color.White)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
