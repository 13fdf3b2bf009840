package strictjson_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/internal/strictjson"
)

func TestCheckKeys(t *testing.T) {
	names := []string{"terms", "from", "months", "retakes", "wait"}
	tests := []struct {
		name string
		data string
		ok   bool
	}{
		{"known keys at every depth", `{"terms":[{"from":"2021-06-01","months":12},{"months":24}],"retakes":{"wait":"24h"}}`, true},
		{"a key in another case", `{"Terms":[]}`, false},
		{"a nested key in another case", `{"terms":[{"MONTHS":12}]}`, false},
		{"an unknown key", `{"term":[]}`, false},
		{"a key given twice", `{"terms":[],"terms":[]}`, false},
		{"a nested key given twice", `{"terms":[{"months":1,"months":2}]}`, false},
		{"the same key in two objects", `{"terms":[{"months":1},{"months":2}]}`, true},
		{"string values that look like keys are values", `{"retakes":{"wait":"Terms"},"from":"months"}`, true},
		{"an array of scalars", `{"terms":[1,"x",true,null]}`, true},
		{"not an object", `[1,2]`, true},
		{"a syntax error is the decoder's", `{"terms":`, true},
		{"empty", ``, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := strictjson.CheckKeys([]byte(tt.data), names...)
			if (err == nil) != tt.ok {
				t.Errorf("CheckKeys(%s) = %v, want ok %v", tt.data, err, tt.ok)
			}
		})
	}
}

func FuzzCheckKeys(f *testing.F) {
	f.Add([]byte(`{"terms":[{"months":12}]}`)) // valid
	f.Add([]byte(`{"a":{"b":[{"c":1}]}}`))     // unknown, nested
	f.Add([]byte(`{{{`))                       // broken
	f.Fuzz(func(t *testing.T, data []byte) {
		in := string(data)
		err := strictjson.CheckKeys(data, "terms", "months")
		if string(data) != in {
			t.Fatal("CheckKeys changed its input")
		}
		if err != nil && !strings.Contains(err.Error(), "key ") {
			t.Fatalf("CheckKeys(%q) = %v, which names no key", in, err)
		}
		// For a valid document, CheckKeys accepts only if every key of
		// every object is a known one.
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		if unknown := unknownKey(v); err == nil && unknown != "" {
			t.Fatalf("CheckKeys(%q) accepted the key %q", in, unknown)
		}
	})
}

// unknownKey returns a key of v's objects other than "terms" and "months",
// or "".
func unknownKey(v any) string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k != "terms" && k != "months" {
				return k
			}
			if u := unknownKey(x); u != "" {
				return u
			}
		}
	case []any:
		for _, x := range v {
			if u := unknownKey(x); u != "" {
				return u
			}
		}
	}
	return ""
}

func TestDecode(t *testing.T) {
	type inner struct {
		Months int `json:"months"`
	}
	type doc struct {
		Terms []inner `json:"terms"`
	}
	keys := []string{"terms", "months"}
	for _, tt := range []struct {
		name string
		data string
		null bool
		ok   bool
	}{
		{"a document", `{"terms":[{"months":12},{"months":24}]}`, false, true},
		{"null", ` null `, true, true},
		{"trailing data", `{"terms":[]} {}`, false, false},
		{"trailing white space", "{\"terms\":[]}\n\t ", false, true},
		{"an unknown key", `{"terms":[],"x":1}`, false, false},
		{"a key in another case", `{"Terms":[]}`, false, false},
		{"a syntax error", `{"terms":`, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := doc{Terms: []inner{{Months: 1}}} // what null must leave as it is
			null, err := strictjson.Decode([]byte(tt.data), &v, keys...)
			if null != tt.null || (err == nil) != tt.ok {
				t.Errorf("Decode(%s) = %v, %v; want null %v, ok %v", tt.data, null, err, tt.null, tt.ok)
			}
			switch {
			case tt.null && !reflect.DeepEqual(v, doc{Terms: []inner{{Months: 1}}}):
				t.Errorf("Decode(null) changed the value to %+v", v)
			case tt.name == "a document" && !reflect.DeepEqual(v, doc{Terms: []inner{{12}, {24}}}):
				t.Errorf("Decode(%s) read %+v", tt.data, v)
			}
		})
	}
}
