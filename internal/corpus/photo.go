package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Photo draws a 3×4 ID-style portrait (ảnh thẻ): a plain blue background,
// a face, hair, a white shirt and a dark jacket. It holds no text, which is
// the point: a file that is only this is not a dossier.
func Photo(male bool) *image.RGBA {
	const w, h = 300, 400
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bg := func(y int) color.RGBA { return color.RGBA{uint8(60 + y/8), uint8(120 + y/10), 210, 255} }
	skin := color.RGBA{232, 190, 160, 255}
	hair := color.RGBA{30, 24, 20, 255}
	shirt := color.RGBA{245, 245, 245, 255}
	jacket := color.RGBA{35, 45, 70, 255}
	in := func(x, y, cx, cy, rx, ry int) bool {
		dx, dy := float64(x-cx)/float64(rx), float64(y-cy)/float64(ry)
		return dx*dx+dy*dy <= 1
	}
	hairLen := 175
	if male {
		hairLen = 120
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := bg(y)
			switch {
			case y > 290 && in(x, y, 150, 420, 150, 140):
				c = jacket
				if x > 125 && x < 175 && y < 380 {
					c = shirt
				}
			case !male && y < 300 && in(x, y, 150, hairLen, 80, 130) && !in(x, y, 150, 165, 62, 82):
				c = hair
			case in(x, y, 150, 165, 62, 82):
				c = skin
				if y < 115 && in(x, y, 150, 130, 66, 50) {
					c = hair
				}
				if (in(x, y, 125, 160, 8, 5) || in(x, y, 175, 160, 8, 5)) && y > 155 {
					c = hair
				}
				if in(x, y, 150, 210, 18, 4) {
					c = color.RGBA{170, 90, 90, 255}
				}
			case y > 230 && y < 300 && x > 128 && x < 172:
				c = skin
			case male && in(x, y, 150, hairLen, 70, 45) && y < 130:
				c = hair
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// PhotoJPEG is Photo as a JPEG file.
func PhotoJPEG(male bool) ([]byte, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, Photo(male), &jpeg.Options{Quality: 82}); err != nil {
		return nil, fmt.Errorf("corpus: photo: %w", err)
	}
	return b.Bytes(), nil
}

// PhotoPNG is Photo as a PNG file.
func PhotoPNG(male bool) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, Photo(male)); err != nil {
		return nil, fmt.Errorf("corpus: photo: %w", err)
	}
	return b.Bytes(), nil
}
