package drafts

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorMessageAndCode(t *testing.T) {
	wrapped := fmt.Errorf("「draft:3」：%w", ErrEmpty)
	moved := fmt.Errorf("%w：1.已是第一项", ErrNoSibling)
	plain := errors.New("别的错误")
	for _, tc := range []struct {
		err              error
		code             Code
		chinese, english string
	}{
		{wrapped, EInvalid, "「draft:3」：文档为空：没有可解析的文字", "The document is empty: there is no text to read"},
		{moved, EInvalid, "没有可交换位置的相邻同级条款：1.已是第一项", "There is no neighbouring clause at the same level to swap with"},
		{plain, EInternal, "别的错误", "别的错误"},
		{nil, "", "", ""},
	} {
		if got := ErrorCode(tc.err); got != tc.code {
			t.Errorf("%v: code %q, want %q", tc.err, got, tc.code)
		}
		if got := Message(tc.err, false); got != tc.chinese {
			t.Errorf("%v: Chinese %q", tc.err, got)
		}
		if got := Message(tc.err, true); got != tc.english {
			t.Errorf("%v: English %q, want %q", tc.err, got, tc.english)
		}
	}
	if !errors.Is(wrapped, ErrEmpty) {
		t.Error("a wrapped ErrEmpty does not match it")
	}
}
