package strictjson_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/internal/strictjson"
)

// exact returns data with no capacity past its length, so that reading past
// the end of the input is a fault rather than a read of spare capacity.
func exact(data string) []byte {
	b := []byte(data)
	return b[:len(b):len(b)]
}

// TestDecodeAcceptsEdges decodes values at the edges of what each kind of
// value accepts: the digits 0 and 9, characters next to the surrogates, and
// values read only for their syntax.
func TestDecodeAcceptsEdges(t *testing.T) {
	tests := []struct {
		name string
		data string
		want testDoc
	}{
		{"an integer that starts with 9", `{"windowMonths":9}`, testDoc{WindowMonths: 9}},
		{"an integer with 9 after its first digit", `{"windowMonths":19}`, testDoc{WindowMonths: 19}},
		{"0 for an interface", `{"any":0}`, testDoc{Any: 0.0}},
		{"9 for an interface", `{"any":9}`, testDoc{Any: 9.0}},
		{"an empty array for an interface", `{"any":[]}`, testDoc{Any: []any{}}},
		{"a surrogate pair as the first escape", `{"labels":{"k":"\ud83d\ude00"}}`, testDoc{Labels: map[string]string{"k": "😀"}}},
		{"the first surrogate pair", `{"labels":{"k":"\ud800\udc00"}}`, testDoc{Labels: map[string]string{"k": "\U00010000"}}},
		{"the last surrogate pair", `{"labels":{"k":"\udbff\udfff"}}`, testDoc{Labels: map[string]string{"k": "\U0010ffff"}}},
		{"the character after the surrogates", `{"labels":{"k":"\ue000"}}`, testDoc{Labels: map[string]string{"k": "\ue000"}}},
		{"the character before the surrogates", `{"labels":{"k":"\ud7ff"}}`, testDoc{Labels: map[string]string{"k": "\ud7ff"}}},
		{"an escaped NUL", `{"labels":{"k":"\u0000"}}`, testDoc{Labels: map[string]string{"k": "\x00"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v testDoc
			null, err := strictjson.Decode(exact(tt.data), &v)
			if null || err != nil {
				t.Fatalf("Decode(%s) = %v, %v", tt.data, null, err)
			}
			if diff := cmp.Diff(tt.want, v, cmp.AllowUnexported(testDoc{}, raw{})); diff != "" {
				t.Errorf("Decode(%s) mismatch (-want +got):\n%s", tt.data, diff)
			}
		})
	}
}

// TestDecodeRefusesEdges checks the text and offset of refusals where the
// input ends inside a value, or a value is just past an edge.
func TestDecodeRefusesEdges(t *testing.T) {
	tests := []struct {
		data   string
		want   string
		offset int64
	}{
		// A byte that is not UTF-8 is named as a byte.
		{"{\"windowMonths\":\xff}", `windowMonths: invalid JSON at byte 16: want a value, found the byte 0xff`, 16},
		// The input ends inside a literal.
		{` nul`, `invalid JSON at byte 4: want null, found the end of the input`, 4},
		{`{"flag":tru`, `flag: invalid JSON at byte 11: want true, found the end of the input`, 11},
		// A misspelt null where null means no value.
		{`{"ptr":nul}`, `ptr: invalid JSON at byte 10: want null, found '}'`, 10},
		{`{"any":nul}`, `any: invalid JSON at byte 10: want null, found '}'`, 10},
		{`{"labels":nul}`, `labels: invalid JSON at byte 13: want null, found '}'`, 13},
		// The input ends inside an object.
		{`{`, `invalid JSON at byte 1: want a key in quotes, found the end of the input`, 1},
		{`{"windowMonths":6,`, `invalid JSON at byte 18: want a key in quotes, found the end of the input`, 18},
		{`{"terms"`, `invalid JSON at byte 8: want ':' after the key, found the end of the input`, 8},
		{`{"windowMonths":6`, `invalid JSON at byte 17: want ',' or '}' after a member, found the end of the input`, 17},
		{`{"windowMonths":0`, `invalid JSON at byte 17: want ',' or '}' after a member, found the end of the input`, 17},
		// The input ends inside an array.
		{`{"terms":[`, `terms[0]: invalid JSON at byte 10: want a value, found the end of the input`, 10},
		{`{"pair":[1`, `pair: invalid JSON at byte 10: want ',' or ']' after an element, found the end of the input`, 10},
		{`{"any":[`, `any: invalid JSON at byte 8: want a value, found the end of the input`, 8},
		{`{"any":[1`, `any: invalid JSON at byte 9: want ',' or ']' after an element, found the end of the input`, 9},
		// Numbers.
		{`{"count":256}`, `count: want an integer from 0 to 255, not 256`, 9},
		{`{"ratio":1.}`, `ratio: invalid JSON at byte 11: want a digit after the decimal point, found '}'`, 11},
		{`{"ratio":-}`, `ratio: invalid JSON at byte 10: want a digit, found '}'`, 10},
		{`{"ratio":1e`, `ratio: invalid JSON at byte 11: want a digit of the exponent, found the end of the input`, 11},
		{`{"ratio":1e+`, `ratio: invalid JSON at byte 12: want a digit of the exponent, found the end of the input`, 12},
		// The input ends inside a string.
		{`{"labels":{"a":"x`, `labels.a: invalid JSON at byte 17: want the end of the string, found the end of the input`, 17},
		{`{"labels":{"a":"\n`, `labels.a: invalid JSON at byte 18: want the end of the string, found the end of the input`, 18},
		{`{"labels":{"a":"\`, `labels.a: invalid JSON at byte 17: want the end of the string, found the end of the input`, 17},
		{`{"labels":{"a":"\u0041`, `labels.a: invalid JSON at byte 22: want the end of the string, found the end of the input`, 22},
		{`{"labels":{"a":"\ud83d\ude00`, `labels.a: invalid JSON at byte 28: want the end of the string, found the end of the input`, 28},
		{`{"labels":{"a":"\ud800`, `labels.a: invalid JSON at byte 16: a lone surrogate \ud800, which names no character`, 16},
		// Surrogates that make no pair.
		{`{"labels":{"a":"\udc00\udc00"}}`, `labels.a: invalid JSON at byte 16: a lone surrogate \udc00, which names no character`, 16},
		{`{"labels":{"a":"\ud800\ue000"}}`, `labels.a: invalid JSON at byte 16: a lone surrogate \ud800, which names no character`, 16},
		{`{"labels":{"a":"\ud800\udbff"}}`, `labels.a: invalid JSON at byte 16: a lone surrogate \ud800, which names no character`, 16},
		{`{"labels":{"a":"\udfff"}}`, `labels.a: invalid JSON at byte 16: a lone surrogate \udfff, which names no character`, 16},
	}
	for _, tt := range tests {
		t.Run(tt.data, func(t *testing.T) {
			data := exact(tt.data)
			null, err := strictjson.Decode(data, new(testDoc))
			if err == nil || null {
				t.Fatalf("Decode(%q) = %v, %v; want an error", tt.data, null, err)
			}
			checkError(t, data, err)
			var e *strictjson.Error
			errors.As(err, &e)
			if err.Error() != tt.want || e.Offset != tt.offset {
				t.Errorf("Decode(%q) = %q at offset %d; want %q at offset %d", tt.data, err, e.Offset, tt.want, tt.offset)
			}
		})
	}
}
