// Package ink counts the pixels of an image that show ink: those that
// differ clearly from the background. The fontshot command and the
// window's theme tests use it to see that Chinese text was painted.
package ink

import (
	"image"
	"image/color"
)

// Count returns how many pixels of img inside r differ clearly from bg:
// their red, green and blue differ from bg's by more than 3×0x2000 in all
// (an eighth of full scale a channel).
func Count(img image.Image, r image.Rectangle, bg color.Color) int {
	br, bgr, bb, _ := bg.RGBA()
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if absDiff(cr, br)+absDiff(cg, bgr)+absDiff(cb, bb) > 3*0x2000 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
