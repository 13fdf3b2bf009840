package strictjson_test

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/internal/strictjson"
)

// TestDecodeManySiblings checks that the nesting depth counts nesting, not
// arrays and objects one after another: many more siblings than the depth
// allows decode.
func TestDecodeManySiblings(t *testing.T) {
	data := `{"any":[` + strings.Repeat(`[],{},`, 6000) + `[]]}`
	var v testDoc
	if _, err := strictjson.Decode([]byte(data), &v); err != nil {
		t.Fatalf("Decode of 12001 empty arrays and objects: %v", err)
	}
	if a, ok := v.Any.([]any); !ok || len(a) != 12001 {
		t.Errorf("Decode of 12001 empty arrays and objects gave %T of %d", v.Any, len(a))
	}
	terms := `{"terms":[` + strings.Repeat(`{"months":1},`, 6000) + `{"months":1}]}`
	if _, err := strictjson.Decode([]byte(terms), &v); err != nil || len(v.Terms) != 6001 {
		t.Fatalf("Decode of 6001 terms: %d, %v", len(v.Terms), err)
	}
}

type Embedded struct {
	A int `json:"a"`
	B int `json:"b"`
}

type Tagged struct {
	C int `json:"c"`
}

// withEmbedded has the members of an embedded struct with no tag, except
// one it has itself, and an embedded struct with a tag as one member.
type withEmbedded struct {
	Embedded
	Tagged `json:"t"`
	B      string `json:"b"`
}

func TestDecodeEmbedded(t *testing.T) {
	var v withEmbedded
	if _, err := strictjson.Decode([]byte(`{"a":1,"b":"x","t":{"c":2}}`), &v); err != nil {
		t.Fatal(err)
	}
	if want := (withEmbedded{Embedded{A: 1}, Tagged{C: 2}, "x"}); v != want {
		t.Errorf("Decode = %+v, want %+v", v, want)
	}
	for _, data := range []string{`{"Embedded":{}}`, `{"c":1}`} {
		_, err := strictjson.Decode([]byte(data), new(withEmbedded))
		if !errors.Is(err, strictjson.ErrUnknownKey) {
			t.Errorf("Decode(%s) = %v, want an unknown key", data, err)
		}
	}
}

// TestDecodeWideStruct decodes into structs of 64 and 65 members, on either
// side of the number of keys whose presence fits in one word.
func TestDecodeWideStruct(t *testing.T) {
	for _, n := range []int{64, 65} {
		fields := make([]reflect.StructField, n)
		for i := range fields {
			fields[i] = reflect.StructField{
				Name: "F" + strconv.Itoa(i),
				Type: reflect.TypeFor[int](),
				Tag:  reflect.StructTag(`json:"f` + strconv.Itoa(i) + `" strictjson:"required"`),
			}
		}
		typ := reflect.StructOf(fields)
		var all []string
		for i := range n {
			all = append(all, `"f`+strconv.Itoa(i)+`":`+strconv.Itoa(i))
		}
		v := reflect.New(typ)
		if _, err := strictjson.Decode([]byte("{"+strings.Join(all, ",")+"}"), v.Interface()); err != nil {
			t.Fatalf("%d members: %v", n, err)
		}
		if got := v.Elem().Field(n - 1).Int(); got != int64(n-1) {
			t.Errorf("%d members: the last is %d", n, got)
		}
		last := `"f` + strconv.Itoa(n-1) + `"`
		tests := []struct {
			data string
			want error
			path string
		}{
			{"{" + strings.Join(all, ",") + "," + last + ":0}", strictjson.ErrDuplicateKey, last[1 : len(last)-1]},
			{"{" + strings.Join(all[:n-1], ",") + "}", strictjson.ErrMissing, last[1 : len(last)-1]},
			{"{" + strings.Join(all[1:], ",") + "}", strictjson.ErrMissing, "f0"},
		}
		for _, tt := range tests {
			_, err := strictjson.Decode([]byte(tt.data), reflect.New(typ).Interface())
			var e *strictjson.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &e) || e.Path != tt.path {
				t.Errorf("%d members: Decode(%s) = %v; want %v at %s", n, tt.data, err, tt.want, tt.path)
			}
		}
	}
}

// TestDecodeReusesKeyBuffer checks that escaped keys are unescaped into one
// buffer, which the decoder reuses: a document whose keys are escaped costs
// no more allocations, beyond that buffer, than the same one unescaped.
func TestDecodeReusesKeyBuffer(t *testing.T) {
	const n = 50
	plain := `{"terms":[` + strings.Repeat(`{"months":1},`, n-1) + `{"months":1}]}`
	escaped := strings.ReplaceAll(plain, `"months"`, `"mont\u0068s"`)
	allocs := func(data string) float64 {
		b := []byte(data)
		return testing.AllocsPerRun(20, func() {
			var v testDoc
			if _, err := strictjson.Decode(b, &v); err != nil {
				t.Fatal(err)
			}
		})
	}
	p, e := allocs(plain), allocs(escaped)
	if e > p+2 {
		t.Errorf("Decode made %v allocations with %d escaped keys, %v without", e, n, p)
	}
}

// TestDecodeShadowedEmbedded checks that a field of an embedded struct that
// an outer field shadows, as its key is the outer's first, is not a member
// of its own: required there, it need not be given twice.
func TestDecodeShadowedEmbedded(t *testing.T) {
	type Inner struct {
		A int `json:"a" strictjson:"required"`
	}
	var v struct {
		A int `json:"a"`
		Inner
	}
	if _, err := strictjson.Decode([]byte(`{"a":1}`), &v); err != nil || v.A != 1 || v.Inner.A != 0 {
		t.Errorf("Decode = %+v, %v; want the outer a only", v, err)
	}
}
