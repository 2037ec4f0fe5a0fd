package concur

// Picture is an SVG image as a string. The notebook shows a value with an SVG method as a
// picture; String returns the SVG source too.
//
// Pictures label themselves in Chinese and English, or in one of them: display.SetLanguage
// chooses, for every picture drawn after it.
type Picture string

// SVG returns the picture's SVG source.
func (p Picture) SVG() string { return string(p) }

// String returns the picture's SVG source.
func (p Picture) String() string { return string(p) }
