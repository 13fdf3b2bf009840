package strictjson_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/strictjson"
)

// duration is a time.Duration written as "24h0m0s", as the policy writes
// its retake wait.
type duration time.Duration

func (d *duration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return err
	}
	*d = duration(v)
	return nil
}

// raw is a value with its own UnmarshalJSON, which refuses "bad".
type raw struct{ text string }

func (r *raw) UnmarshalJSON(b []byte) error {
	if string(b) == `"bad"` {
		return errors.New("raw: bad")
	}
	r.text = string(b)
	return nil
}

type testTerm struct {
	From   cert.Date `json:"from"`
	Months *int      `json:"months" strictjson:"required"`
}

type testRetakes struct {
	Immediate int      `json:"immediate"`
	Wait      duration `json:"wait"`
}

// testDoc is a document of every kind the decoder reads, shaped like a policy.
type testDoc struct {
	Terms        []testTerm        `json:"terms"`
	WindowMonths int               `json:"windowMonths"`
	Retakes      testRetakes       `json:"retakes"`
	Labels       map[string]string `json:"labels,omitempty"`
	Counts       map[string]int    `json:"counts,omitempty"`
	Ratio        float64           `json:"ratio"`
	Small        int8              `json:"small"`
	Count        uint8             `json:"count"`
	Flag         bool              `json:"flag"`
	Pair         [2]int            `json:"pair"`
	Any          any               `json:"any"`
	Raw          raw               `json:"raw"`
	Ptr          *string           `json:"ptr"`
	Skipped      int               `json:"-"`
	//lint:ignore U1000 an unexported field, which Decode must leave alone
	unexported int
}

func months(n int) *int { return &n }

// policyDoc is the policy form of API.md, with the other kinds of values.
const policyDoc = `{"terms":[{"months":24},{"from":"2021-06-01","months":12}],"windowMonths":6,
	"retakes":{"immediate":1,"wait":"24h0m0s"},"labels":{"a b":"x","":"y"},"counts":{"n":1},
	"ratio":0.5,"small":-128,"count":255,"flag":true,"pair":[1,-2],"any":{"k":[1,"s",null]},
	"raw":{"x":1},"ptr":"p"}`

func TestDecode(t *testing.T) {
	var v testDoc
	null, err := strictjson.Decode([]byte(policyDoc), &v)
	if null || err != nil {
		t.Fatalf("Decode = %v, %v", null, err)
	}
	p := "p"
	want := testDoc{
		Terms:        []testTerm{{Months: months(24)}, {From: cert.MustParseDate("2021-06-01"), Months: months(12)}},
		WindowMonths: 6,
		Retakes:      testRetakes{Immediate: 1, Wait: duration(24 * time.Hour)},
		Labels:       map[string]string{"a b": "x", "": "y"},
		Counts:       map[string]int{"n": 1},
		Ratio:        0.5, Small: -128, Count: 255, Flag: true, Pair: [2]int{1, -2},
		Any: map[string]any{"k": []any{1.0, "s", nil}},
		Raw: raw{`{"x":1}`},
		Ptr: &p,
	}
	if diff := cmp.Diff(want, v, cmp.AllowUnexported(testDoc{}, raw{})); diff != "" {
		t.Errorf("Decode mismatch (-want +got):\n%s", diff)
	}
	// encoding/json reads the same document to the same value.
	var w testDoc
	if err := json.Unmarshal([]byte(policyDoc), &w); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(w, v, cmp.AllowUnexported(testDoc{}, raw{})); diff != "" {
		t.Errorf("Decode and json.Unmarshal differ (-json +strict):\n%s", diff)
	}
}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct {
		name string
		data string
		want testDoc
	}{
		{"white space around the value", " \n\t{\"windowMonths\":6}\r\n ", testDoc{WindowMonths: 6}},
		{"an empty object", `{}`, testDoc{}},
		{"an escaped key is the key it spells", `{"window\u004Donths":6}`, testDoc{WindowMonths: 6}},
		{"escapes in a string", `{"labels":{"k":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}}`, testDoc{Labels: map[string]string{"k": "\"\\/\b\f\n\r\té😀"}}},
		{"an empty array is an empty slice", `{"terms":[]}`, testDoc{Terms: []testTerm{}}},
		{"null for a slice, a map, a pointer and an interface", `{"terms":null,"labels":null,"ptr":null,"any":null}`, testDoc{}},
		{"null into a value with its own UnmarshalJSON", `{"raw":null}`, testDoc{Raw: raw{"null"}}},
		{"the largest and smallest integers", `{"small":127,"count":0}`, testDoc{Small: 127}},
		{"-0 is 0", `{"small":-0}`, testDoc{}},
		{"an exponent for a float", `{"ratio":-1.5e-3}`, testDoc{Ratio: -1.5e-3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v testDoc
			null, err := strictjson.Decode([]byte(tt.data), &v)
			if null || err != nil {
				t.Fatalf("Decode(%s) = %v, %v", tt.data, null, err)
			}
			if diff := cmp.Diff(tt.want, v, cmp.AllowUnexported(testDoc{}, raw{})); diff != "" {
				t.Errorf("Decode(%s) mismatch (-want +got):\n%s", tt.data, diff)
			}
		})
	}
}

func TestDecodeNull(t *testing.T) {
	for _, data := range []string{`null`, ` null `, "\n\tnull\r\n"} {
		v := testDoc{WindowMonths: 6}
		null, err := strictjson.Decode([]byte(data), &v)
		if !null || err != nil || v.WindowMonths != 6 {
			t.Errorf("Decode(%q) = %v, %v, value %+v; want null and no change", data, null, err, v)
		}
	}
	for _, data := range []string{`null {}`, `nullx`, `nul`} {
		if null, err := strictjson.Decode([]byte(data), new(testDoc)); null || err == nil {
			t.Errorf("Decode(%q) = %v, %v; want an error", data, null, err)
		}
	}
}

// TestDecodeKeepsWhatItWasGiven checks that Decode writes only into v: not
// through a pointer v held, nor into a slice's storage, nor into the input.
func TestDecodeKeepsWhatItWasGiven(t *testing.T) {
	m := months(1)
	terms := []testTerm{{Months: m}, {Months: m}}
	v := testDoc{Terms: terms, unexported: 7}
	data := []byte(`{"terms":[{"months":24}],"raw":"x"}`)
	in := bytes.Clone(data)
	if _, err := strictjson.Decode(data, &v); err != nil {
		t.Fatal(err)
	}
	if *m != 1 || terms[0].Months != m || len(v.Terms) != 1 || *v.Terms[0].Months != 24 {
		t.Errorf("Decode wrote through the value's pointers or slice: %d, %+v", *m, terms)
	}
	if !bytes.Equal(data, in) {
		t.Errorf("Decode changed its input to %s", data)
	}
	if v.unexported != 7 {
		t.Errorf("Decode changed an unexported field to %d", v.unexported)
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		want   error // matched with errors.Is
		path   string
		offset int64
	}{
		{"empty input", ``, strictjson.ErrEmpty, "", 0},
		{"only white space", " \n\t", strictjson.ErrEmpty, "", 3},
		{"a truncated document", `{"terms":`, strictjson.ErrSyntax, "terms", 9},
		{"a comma before a closing brace", `{"terms":[{"months":1,}]}`, strictjson.ErrSyntax, "terms[0]", 22},
		{"a key without quotes", `{terms:[]}`, strictjson.ErrSyntax, "", 1},
		{"no colon", `{"terms" []}`, strictjson.ErrSyntax, "", 9},
		{"a leading zero", `{"windowMonths":01}`, strictjson.ErrSyntax, "", 17},
		{"a word that is not JSON", `nonsense`, strictjson.ErrSyntax, "", 1},
		{"a misspelt null", `{"terms":nul}`, strictjson.ErrSyntax, "terms", 12},
		{"a control character in a string", "{\"labels\":{\"a\":\"x\ty\"}}", strictjson.ErrSyntax, "labels.a", 17},
		{"invalid UTF-8 in a string", "{\"labels\":{\"a\":\"x\xffy\"}}", strictjson.ErrSyntax, "labels.a", 17},
		{"invalid UTF-8 in a key", "{\"labels\":{\"\xff\":\"x\"}}", strictjson.ErrSyntax, "labels", 12},
		{"a lone high surrogate", `{"labels":{"a":"\ud800x"}}`, strictjson.ErrSyntax, "labels.a", 16},
		{"a lone low surrogate", `{"labels":{"a":"\udc00"}}`, strictjson.ErrSyntax, "labels.a", 16},
		{"an unknown escape", `{"labels":{"a":"\x"}}`, strictjson.ErrSyntax, "labels.a", 16},
		{"arrays nested too deeply", `{"any":` + strings.Repeat("[", 10001), strictjson.ErrSyntax, "any", 10006},
		{"trailing data", `{} {}`, strictjson.ErrTrailingData, "", 3},
		{"a stray brace", `{}}`, strictjson.ErrTrailingData, "", 2},
		{"an unknown key", `{"windowMonth":6}`, strictjson.ErrUnknownKey, "windowMonth", 1},
		{"a key in another case", `{"WindowMonths":6}`, strictjson.ErrUnknownKey, "WindowMonths", 1},
		{"a nested key in another case", `{"terms":[{"Months":12}]}`, strictjson.ErrUnknownKey, "terms[0].Months", 11},
		{"a key of a nested object at the top", `{"months":24}`, strictjson.ErrUnknownKey, "months", 1},
		{"a key of another nested object", `{"terms":[{"immediate":1}]}`, strictjson.ErrUnknownKey, "terms[0].immediate", 11},
		{"a key tagged -", `{"Skipped":1}`, strictjson.ErrUnknownKey, "Skipped", 1},
		{"an unexported field's name", `{"unexported":1}`, strictjson.ErrUnknownKey, "unexported", 1},
		{"a key given twice", `{"windowMonths":6,"windowMonths":7}`, strictjson.ErrDuplicateKey, "windowMonths", 18},
		{"a nested key given twice", `{"terms":[{"months":1,"months":2}]}`, strictjson.ErrDuplicateKey, "terms[0].months", 22},
		{"a map key given twice", `{"labels":{"a":"x","a":"y"}}`, strictjson.ErrDuplicateKey, "labels.a", 19},
		{"a key given twice, once escaped", `{"windowMonths":6,"window\u004donths":7}`, strictjson.ErrDuplicateKey, "windowMonths", 18},
		{"a required key missing", `{"terms":[{"months":24},{"from":"2021-06-01"}]}`, strictjson.ErrMissing, "terms[1].months", 24},
		{"a string for a number", `{"windowMonths":"6"}`, strictjson.ErrType, "windowMonths", 16},
		{"a fraction for an integer", `{"windowMonths":6.5}`, strictjson.ErrType, "windowMonths", 16},
		{"an exponent for an integer", `{"windowMonths":6e0}`, strictjson.ErrType, "windowMonths", 16},
		{"an integer out of range", `{"small":128}`, strictjson.ErrType, "small", 9},
		{"a negative unsigned integer", `{"count":-1}`, strictjson.ErrType, "count", 9},
		{"an unsigned integer out of range", `{"count":256}`, strictjson.ErrType, "count", 9},
		{"a float out of range", `{"ratio":1e400}`, strictjson.ErrType, "ratio", 9},
		{"a number for a boolean", `{"flag":1}`, strictjson.ErrType, "flag", 8},
		{"null for an integer", `{"windowMonths":null}`, strictjson.ErrType, "windowMonths", 16},
		{"null for a struct", `{"retakes":null}`, strictjson.ErrType, "retakes", 11},
		{"null for a text value", `{"terms":[{"from":null,"months":1}]}`, strictjson.ErrType, "terms[0].from", 18},
		{"a number for a text value", `{"terms":[{"from":20210601,"months":1}]}`, strictjson.ErrType, "terms[0].from", 18},
		{"an object for a string", `{"labels":{"a":{}}}`, strictjson.ErrType, "labels.a", 15},
		{"a number for a map", `{"labels":1}`, strictjson.ErrType, "labels", 10},
		{"an object for a slice", `{"terms":{}}`, strictjson.ErrType, "terms", 9},
		{"an array for the document", `[1,2]`, strictjson.ErrType, "", 0},
		{"too many elements", `{"pair":[1,2,3]}`, strictjson.ErrType, "pair", 13},
		{"too few elements", `{"pair":[1]}`, strictjson.ErrType, "pair", 10},
		{"a key that is not an identifier", `{"counts":{"a b":"x"}}`, strictjson.ErrType, `counts["a b"]`, 17},
		{"a day that does not exist", `{"terms":[{"months":24},{"from":"2021-02-30","months":12}]}`, cert.ErrSyntax, "terms[1].from", 32},
		{"a wait that is no duration", `{"retakes":{"immediate":1,"wait":"24 hours"}}`, nil, "retakes.wait", 33},
		{"a value its UnmarshalJSON refuses", `{"raw":"bad"}`, nil, "raw", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			null, err := strictjson.Decode(data, new(testDoc))
			if err == nil || null {
				t.Fatalf("Decode(%q) = %v, %v; want an error", tt.data, null, err)
			}
			checkError(t, data, err)
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Decode(%q) = %v, want an error matching %v", tt.data, err, tt.want)
			}
			var e *strictjson.Error
			errors.As(err, &e)
			if e.Path != tt.path || e.Offset != tt.offset {
				t.Errorf("Decode(%q) = %v at path %q, offset %d; want path %q, offset %d", tt.data, err, e.Path, e.Offset, tt.path, tt.offset)
			}
		})
	}
}

// checkError checks what every refusal of data promises: an *Error at an
// offset inside the input, whose text starts with its path and names no Go
// type.
func checkError(t *testing.T, data []byte, err error) {
	t.Helper()
	var e *strictjson.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *strictjson.Error", err, err)
	}
	if e.Offset < 0 || e.Offset > int64(len(data)) {
		t.Errorf("error %v at offset %d, outside the input of %d bytes", err, e.Offset, len(data))
	}
	msg := err.Error()
	if e.Path != "" && !strings.HasPrefix(msg, e.Path+": ") {
		t.Errorf("error %q does not start with its path %q", msg, e.Path)
	}
	// The words of the message, without the path and what it quotes.
	words := quoted.ReplaceAllString(strings.TrimPrefix(msg, e.Path), "")
	for _, name := range []string{"Go ", "struct", "strictjson", "testDoc", "testTerm", "testRetakes", "int8", "uint8", "float64", "reflect"} {
		if strings.Contains(words, name) {
			t.Errorf("error %q names %q", msg, name)
		}
	}
}

// quoted matches text in double quotes, as strconv.Quote writes it.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

func TestErrorText(t *testing.T) {
	tests := []struct {
		data, want string
	}{
		{`{"terms":[{"months":24},{"from":"2021-02-30","months":12}]}`, `terms[1].from: cert: malformed date "2021-02-30": day out of range`},
		{`{"retakes":{"wait":"24 hours"}}`, `retakes.wait: time: unknown unit " hours" in duration "24 hours"`},
		{`{"WindowMonths":6}`, `WindowMonths: unknown key: the key is "windowMonths", and keys are case-sensitive`},
		{`{"windowMonths":"6"}`, `windowMonths: want an integer, not a string`},
		{`{"small":300}`, `small: want an integer from -128 to 127, not 300`},
		{`{"terms":[{}]}`, `terms[0].months: missing`},
		{`{"terms":[}`, `terms[0]: invalid JSON at byte 10: want a value, found '}'`},
		{`{} x`, `data after the JSON value, at byte 3`},
		{``, `no JSON value: the input is empty or white space`},
	}
	for _, tt := range tests {
		_, err := strictjson.Decode([]byte(tt.data), new(testDoc))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Decode(%s) = %v, want %q", tt.data, err, tt.want)
		}
	}
}

func TestDecodeNeedsAPointer(t *testing.T) {
	for _, v := range []any{nil, testDoc{}, (*testDoc)(nil)} {
		if _, err := strictjson.Decode([]byte(`{}`), v); err == nil {
			t.Errorf("Decode into %#v succeeded", v)
		}
	}
}

func TestPaths(t *testing.T) {
	tests := []struct{ got, want string }{
		{strictjson.Key("", "terms"), "terms"},
		{strictjson.Index(strictjson.Key("", "terms"), 1), "terms[1]"},
		{strictjson.Key(strictjson.Index("terms", 1), "from"), "terms[1].from"},
		{strictjson.Key("retakes", "wait"), "retakes.wait"},
		{strictjson.Key("labels", "a b"), `labels["a b"]`},
		{strictjson.Key("labels", ""), `labels[""]`},
		{strictjson.Key("", "1st"), `["1st"]`},
		{strictjson.Key("", "_x9"), "_x9"},
		{strictjson.Index("", 0), "[0]"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("path %q, want %q", tt.got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(policyDoc))                                      // every kind of value
	f.Add([]byte(`{"terms":[{"months":24}]}`))                    // a small document
	f.Add([]byte(`{"Terms":[]}`))                                 // a key in another case
	f.Add([]byte(`{"windowMonths":6,"windowMonths":6}`))          // a key given twice
	f.Add([]byte(`{"labels":{"\u00e9":"\ud83d\ude00"}}`))         // escapes
	f.Add([]byte(`{"terms":[{"from":"2021-02-30","months":1}]}`)) // a day that does not exist
	f.Add([]byte(` null `))                                       // null
	f.Add([]byte(`{"pair":[1,2],"count":255,"small":-128}`))      // bounds
	f.Add([]byte(`{{{`))                                          // broken
	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		var v testDoc
		null, err := strictjson.Decode(data, &v)
		if !bytes.Equal(data, in) {
			t.Fatalf("Decode changed its input from %q to %q", in, data)
		}
		if null {
			if err != nil || string(bytes.TrimSpace(data)) != "null" {
				t.Fatalf("Decode(%q) = null, %v", data, err)
			}
			return
		}
		if err != nil {
			checkError(t, data, err)
			return
		}
		// What Decode accepts, encoding/json accepts too, reading the
		// same value.
		if !json.Valid(data) {
			t.Fatalf("Decode accepted invalid JSON %q", data)
		}
		var w testDoc
		if err := json.Unmarshal(data, &w); err != nil {
			t.Fatalf("Decode accepted %q, which json.Unmarshal refuses: %v", data, err)
		}
		if !reflect.DeepEqual(v, w) {
			t.Fatalf("Decode(%q) = %+v, json.Unmarshal gives %+v", data, v, w)
		}
	})
}
