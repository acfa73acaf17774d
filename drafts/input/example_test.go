package input_test

import (
	"errors"
	"fmt"

	"golang.org/x/text/encoding/simplifiedchinese"

	"qicao/drafts/input"
)

func ExampleDecode() {
	// A text file saved in GBK, as many older Windows editors save it.
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("关于加快科技创新的实施意见\r\n一、总体要求\r\n")
	text, err := input.Decode("意见.txt", []byte(gbk))
	fmt.Printf("%q %v\n", text, err)
	// Output:
	// "关于加快科技创新的实施意见\n一、总体要求\n" <nil>
}

func ExampleDecode_refused() {
	_, err := input.Decode("扫描件.png", []byte("\x89PNG\r\n\x1a\n...."))
	var e *input.Error
	if errors.As(err, &e) {
		fmt.Println(e.Kind)
	}
	fmt.Println(err)
	// Output:
	// binary
	// 无法读取「扫描件.png」：这是PNG 图片，不是文本文件或 Word 文档（.docx）
}
