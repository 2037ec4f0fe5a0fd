package main

import (
	"fmt"
	"image"
	"image/color"
)

type Image struct {
	W, H int
}

func (i Image) ColorModel() color.Model { return color.RGBAModel }

func (i Image) Bounds() image.Rectangle { return image.Rect(0, 0, i.W, i.H) }

func (i Image) At(x, y int) color.Color {
	v := uint8(x ^ y)
	return color.RGBA{v, v, 255, 255}
}

func checksum(m image.Image) int {
	sum := 0
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := m.At(x, y).RGBA()
			sum += int(r>>8) + int(g>>8) + int(bl>>8) + int(a>>8)
		}
	}
	return sum
}

func main() {
	m := image.NewRGBA(image.Rect(0, 0, 100, 100))
	fmt.Println(m.Bounds())
	fmt.Println(m.At(0, 0).RGBA())
	var img image.Image = Image{4, 3}
	fmt.Println(img.Bounds(), img.Bounds().Dx(), img.Bounds().Size())
	fmt.Println(img.At(2, 1), checksum(img))
	m.Set(1, 1, color.RGBA{10, 20, 30, 255})
	fmt.Println(m.RGBAAt(1, 1), m.Bounds().Intersect(image.Rect(50, 50, 200, 200)))
	p := image.Pt(3, 4).Add(image.Pt(1, 1))
	fmt.Println(p, p.In(img.Bounds()), img.ColorModel() == color.RGBAModel)
	g := color.GrayModel.Convert(color.RGBA{200, 100, 50, 255})
	fmt.Printf("%v %T\n", g, g)
}
