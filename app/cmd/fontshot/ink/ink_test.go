package ink

import (
	"image"
	"image/color"
	"testing"
)

func TestCount(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 10, 10))
	for y := 0; y < 10; y++ {
		for x := 0; x < 10; x++ {
			img.Set(x, y, color.White)
		}
	}
	img.Set(2, 3, color.Black)
	img.Set(8, 8, color.Black)
	img.Set(5, 5, color.Gray{0xf8}) // too faint to count
	if n := Count(img, img.Bounds(), color.White); n != 2 {
		t.Errorf("whole image: %d, want 2", n)
	}
	if n := Count(img, image.Rect(0, 0, 5, 5), color.White); n != 1 {
		t.Errorf("top-left quarter: %d, want 1", n)
	}
	if n := Count(img, image.Rect(-5, -5, 20, 20), color.White); n != 2 {
		t.Errorf("rectangle past the bounds: %d, want 2", n)
	}
}
